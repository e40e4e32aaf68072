package hookseal

import (
	"strconv"
	"time"
)

// Option configures NewVerifier or Sign. Options a scheme does not take are
// ErrInvalidOption, so a typo never silently does nothing.
type Option func(*config)

type config struct {
	secrets   []string
	pairs     [][2]string // option name and value, as the C ABI and the vectors spell them
	timestamp *int64
	id        *string
	err       error
}

func (c *config) set(name, value string) { c.pairs = append(c.pairs, [2]string{name, value}) }

func (c *config) fail(message string) {
	if c.err == nil {
		c.err = invalidOption(message)
	}
}

// WithSecrets adds secrets, tried in order (several during a rotation); the matching
// one's index is Verified.SecretIndex. Secrets are used exactly as the provider shows
// them (a whsec_ prefix is part of the key).
func WithSecrets(secrets ...string) Option {
	return func(c *config) { c.secrets = append(c.secrets, secrets...) }
}

// WithTolerance sets how far a signed timestamp may be from now, both ways (default
// 5 minutes), in whole seconds. Zero means "the same second"; use WithoutTolerance to
// turn the check off.
func WithTolerance(d time.Duration) Option {
	return func(c *config) {
		if d < 0 || d%time.Second != 0 {
			c.fail("tolerance must be a whole, non-negative number of seconds, not " + d.String())
			return
		}
		c.set("tolerance", strconv.FormatInt(int64(d/time.Second), 10))
	}
}

// WithoutTolerance turns the timestamp check off (to replay captured requests, say).
func WithoutTolerance() Option {
	return func(c *config) { c.set("tolerance", "off") }
}

// WithMaxBody sets the largest accepted body in bytes (default 1 MiB); Middleware
// stops reading past it.
func WithMaxBody(bytes int) Option {
	return func(c *config) {
		if bytes < 1 {
			c.fail("max_body must be at least 1 byte, not " + strconv.Itoa(bytes))
			return
		}
		c.set("max_body", strconv.Itoa(bytes))
	}
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
