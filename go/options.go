package hookseal

import (
	"net/http"
	"strconv"
	"time"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// Option configures NewVerifier or Sign. Each With* is one of the core's options
// under its snake_case name (docs/api.md#options), its value as text; the core parses
// every value, so an option a scheme does not take or a bad value (a negative
// tolerance, max_body 0) is ErrInvalidOption with the core's message, as in every
// runtime.
type Option func(*config)

type config struct {
	secrets   []engine.Secret
	pairs     [][2]string // option name and value, as the C ABI and the vectors spell them
	timestamp *int64
	id        *string

	// What the middleware does around verification (receive.go): not core options.
	explain   *bool            // nil: HOOKSEAL_EXPLAIN decides
	metrics   Metrics          // nil: nothing recorded, nothing allocated
	now       func() time.Time // nil: the system clock
	tenant    func(*http.Request) string
	resolve   Resolver
	tenantMax int
	tenantTTL time.Duration
}

func (c *config) set(name, value string) { c.pairs = append(c.pairs, [2]string{name, value}) }

// WithSecrets adds secrets, tried in order (several during a rotation); the matching
// one's index is Verified.SecretIndex. Secrets are used exactly as the provider shows
// them (a whsec_ prefix is part of the key).
func WithSecrets(secrets ...string) Option {
	return func(c *config) {
		for _, s := range secrets {
			c.secrets = append(c.secrets, engine.Secret{Value: s})
		}
	}
}

// WithTolerance sets how far a signed timestamp may be from now, both ways (default
// 5 minutes), in whole seconds. Zero means "the same second"; use WithoutTolerance to
// turn the check off. The seconds go to the core as decimal text ("1.5" or "-5" for a
// duration it rejects).
func WithTolerance(d time.Duration) Option {
	return func(c *config) { c.set("tolerance", strconv.FormatFloat(d.Seconds(), 'f', -1, 64)) }
}

// WithoutTolerance turns the timestamp check off (to replay captured requests, say).
func WithoutTolerance() Option {
	return func(c *config) { c.set("tolerance", "off") }
}

// WithMaxBody sets the largest accepted body in bytes (default 1 MiB); Middleware
// stops reading past it.
func WithMaxBody(bytes int) Option {
	return func(c *config) { c.set("max_body", strconv.Itoa(bytes)) }
}

// WithHeader names the token header (salescaling, default "authorization") or the
// signature header (custom, required).
func WithHeader(name string) Option { return func(c *config) { c.set("header", name) } }

// WithPrefix sets the token prefix (salescaling, default "Bearer " for authorization)
// or the signature prefix (custom, default none).
func WithPrefix(prefix string) Option { return func(c *config) { c.set("prefix", prefix) } }

// WithEncoding sets the custom scheme's digest encoding: "hex" (default) or "base64".
func WithEncoding(encoding string) Option {
	return func(c *config) { c.set("encoding", encoding) }
}

// WithContent sets what the custom scheme signs: "body" (default), "ts.body" or
// "id.ts.body".
func WithContent(content string) Option { return func(c *config) { c.set("content", content) } }

// WithTimestampHeader names the custom scheme's timestamp header (with "ts.body" and
// "id.ts.body").
func WithTimestampHeader(name string) Option {
	return func(c *config) { c.set("timestamp_header", name) }
}

// WithIDHeader names the custom scheme's message id header (with "id.ts.body").
func WithIDHeader(name string) Option { return func(c *config) { c.set("id_header", name) } }

// WithTimestamp is the time Sign signs (default now); for Sign only.
func WithTimestamp(t time.Time) Option {
	return func(c *config) {
		ts := t.Unix()
		c.timestamp = &ts
	}
}

// WithID is the message id Sign signs for schemes that sign one (standard-webhooks,
// custom "id.ts.body"); for Sign only. Without it the id is derived from the content.
func WithID(id string) Option { return func(c *config) { c.id = &id } }

// WithOption sets an option by its snake_case name, as the shared vectors spell it
// (tolerance "off" or seconds, max_body, header, prefix, encoding, content,
// timestamp_header, id_header): for configuration read from a file.
func WithOption(name, value string) Option { return func(c *config) { c.set(name, value) } }

func newConfig(opts []Option) *config {
	c := &config{}
	for _, o := range opts {
		o(c)
	}
	return c
}
