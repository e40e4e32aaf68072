package hookseal

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/hookseal/hookseal/go/internal/receive"
	"github.com/hookseal/hookseal/go/store"
)

// Resolver returns the secrets of a tenant (docs/tenants.md): from a database, a
// secret manager, a config map. No secrets (nil or empty, and a nil error) means the
// tenant is unknown: answered 404 unknown_tenant. An error means they could not be
// loaded now: answered 503 secrets_unavailable with Retry-After, and not cached, so the
// provider's retry asks again. ctx is the first waiting request's.
type Resolver func(ctx context.Context, tenant string) ([]Secret, error)

// WithTenant makes NewTenantVerifier's verifier per tenant: tenant names the tenant of
// a request, from its path or headers (r.PathValue("tenant"), a header; never the
// unverified body; "" is unknown_tenant), and secrets resolves that tenant's secrets.
func WithTenant(tenant func(*http.Request) string, secrets Resolver) Option {
	return func(c *config) { c.tenant, c.resolve = tenant, secrets }
}

// WithTenantCache bounds a TenantVerifier's cache: at most max tenants' verifiers are
// kept (least recently used go first), each for ttl after its secrets were resolved, so
// a rotated secret is picked up within ttl without a restart. 0 keeps the contract's
// default for either (1000 tenants, 300 s; docs/tenants.md).
func WithTenantCache(max int, ttl time.Duration) Option {
	return func(c *config) { c.tenantMax, c.tenantTTL = max, ttl }
}

// TenantVerifier verifies one scheme's webhooks with secrets per tenant: each tenant's
// Verifier is built from what its Resolver returns, on first use, and cached (LRU, TTL;
// WithTenantCache). Concurrent first requests for one tenant share one resolver call;
// errors are never cached. Its Middleware and MiddlewareWithStore are the Verifier's,
// plus the tenant: TenantFromContext (or Verified.ResolvedTenant) in the handler, and
// the de-duplication claim key "<scheme>/<tenant>:<idempotency key>" (two tenants'
// deliveries never collide).
//
// Safe for concurrent use. An evicted tenant's verifier is freed once nothing refers
// to it any more (its finalizer); Close frees the cached ones now.
type TenantVerifier struct {
	scheme string
	cfg    config // the scheme's options, explain and metrics for each tenant's verifier
	tenant func(*http.Request) string
	cache  *tenantCache
	recv   receipt
}

// NewTenantVerifier builds a verifier per tenant for a scheme id: WithTenant is
// required, WithSecrets is not allowed (the resolver gives them); the scheme's options
// (WithTolerance, WithHeader, ...), WithExplain, WithMetrics, WithClock and
// WithTenantCache apply.
//
// Errors: ErrInvalidOption (no WithTenant, WithSecrets given, a negative cache bound),
// ErrUnknownScheme. A bad option value shows when a first tenant's verifier is built.
func NewTenantVerifier(scheme string, opts ...Option) (*TenantVerifier, error) {
	cfg := newConfig(opts)
	switch {
	case cfg.tenant == nil || cfg.resolve == nil:
		return nil, invalidOption("NewTenantVerifier needs WithTenant (a tenant function and a resolver)")
	case len(cfg.secrets) > 0:
		return nil, invalidOption("a TenantVerifier's secrets come from its resolver, not WithSecrets")
	case cfg.timestamp != nil || cfg.id != nil:
		return nil, invalidOption("WithTimestamp and WithID are options of Sign, not of a verifier")
	case cfg.tenantMax < 0 || cfg.tenantTTL < 0:
		return nil, invalidOption("WithTenantCache takes a max and a ttl of 0 (the default) or more")
	}
	if !knownScheme(scheme) {
		return nil, withMessage(ErrUnknownScheme, fmt.Sprintf("unknown scheme %q", scheme))
	}
	contract := receive.Core.Tenants
	max, ttl := cfg.tenantMax, cfg.tenantTTL
	if max == 0 {
		max = contract.Max
	}
	if ttl == 0 {
		ttl = contract.TTL()
	}
	now := cfg.now
	if now == nil {
		now = time.Now
	}
	t := &TenantVerifier{scheme: scheme, cfg: *cfg, tenant: cfg.tenant, recv: cfg.receipt(scheme)}
	t.cfg.metrics, t.cfg.tenant = nil, nil // recorded by the TenantVerifier's middleware
	t.cache = &tenantCache{max: max, ttl: ttl, now: now, resolve: cfg.resolve, build: t.build,
		lru: list.New(), byTenant: map[string]*list.Element{}, flights: map[string]*flight{}}
	return t, nil
}

// Scheme is the scheme id the verifier was built for.
func (t *TenantVerifier) Scheme() string { return t.scheme }

// Verifier is tenant's verifier: the cached one, or one built from what the resolver
// returns now. Errors: ErrUnknownTenant (no secrets, or tenant ""),
// ErrSecretsUnavailable (the resolver failed; errors.Unwrap gives its error), and
// NewVerifier's for secrets the core rejects.
func (t *TenantVerifier) Verifier(ctx context.Context, tenant string) (*Verifier, error) {
	if tenant == "" {
		return nil, withMessage(sentinel("unknown_tenant"), "the request names no tenant")
	}
	return t.cache.get(ctx, tenant)
}

// Close frees the cached verifiers (a request still verifying with one gets
// ErrClosed); the TenantVerifier stays usable and resolves again.
func (t *TenantVerifier) Close() error {
	for _, v := range t.cache.clear() {
		v.Close()
	}
	return nil
}

// Middleware is Verifier.Middleware, the verifier being the request's tenant's:
// a request whose tenant is "" or unknown is answered 404 unknown_tenant, one whose
// tenant's secrets could not be resolved 503 secrets_unavailable with Retry-After, a
// secret the core rejects 500 invalid_secret; next is then not called.
func (t *TenantVerifier) Middleware(next http.Handler) http.Handler {
	return t.recv.handler(nil, t, next, false)
}

// MiddlewareWithStore is Verifier.MiddlewareWithStore with the tenant in the claim key
// (DeliveryKey).
func (t *TenantVerifier) MiddlewareWithStore(s store.Store, ttl time.Duration, next http.Handler, opts ...store.Option) http.Handler {
	return t.recv.handler(nil, t, store.Deduplicate(s, ttl, DeliveryKey, next, t.recv.storeOptions(opts)...), true)
}

// TenantFromContext is the tenant a TenantVerifier's middleware verified this request
// for (its tenant function's answer), or false. Not Verified.Tenant(), which is the
// provider's tenant field of the signed body.
func TenantFromContext(ctx context.Context) (string, bool) {
	v, ok := FromContext(ctx)
	if !ok || v.ResolvedTenant == "" {
		return "", false
	}
	return v.ResolvedTenant, true
}

// build is a tenant's verifier from its secrets.
func (t *TenantVerifier) build(secrets []Secret) (*Verifier, error) {
	cfg := t.cfg
	cfg.secrets = nil
	for _, s := range secrets {
		cfg.secrets = append(cfg.secrets, s.engine())
	}
	return cfg.verifier(t.scheme)
}

// tenantCache is an LRU of tenants' verifiers with a TTL, and the resolver calls in
// flight (one per tenant).
type tenantCache struct {
	max     int
	ttl     time.Duration
	now     func() time.Time
	resolve Resolver
	build   func([]Secret) (*Verifier, error)

	mu       sync.Mutex
	lru      *list.List // of *tenantEntry, the most recently used first
	byTenant map[string]*list.Element
	flights  map[string]*flight
}

type tenantEntry struct {
	tenant  string
	v       *Verifier
	expires time.Time
}

// flight is one resolver call that every concurrent miss for its tenant waits on.
type flight struct {
	done chan struct{}
	v    *Verifier
	err  error
}

// get is tenant's verifier, from the cache while fresh, else from one resolver call.
func (c *tenantCache) get(ctx context.Context, tenant string) (*Verifier, error) {
	now := c.now()
	c.mu.Lock()
	if el, ok := c.byTenant[tenant]; ok {
		e := el.Value.(*tenantEntry)
		if now.Before(e.expires) {
			c.lru.MoveToFront(el)
			c.mu.Unlock()
			return e.v, nil
		}
		c.lru.Remove(el)
		delete(c.byTenant, tenant)
	}
	if fl, ok := c.flights[tenant]; ok {
		c.mu.Unlock()
		select {
		case <-fl.done:
			return fl.v, fl.err
		case <-ctx.Done():
			return nil, unavailable(ctx.Err())
		}
	}
	fl := &flight{done: make(chan struct{})}
	c.flights[tenant] = fl
	c.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			fl.err = unavailable(fmt.Errorf("the resolver panicked: %v", p))
			c.land(tenant, fl, now)
			panic(p)
		}
		c.land(tenant, fl, now)
	}()
	fl.v, fl.err = c.load(ctx, tenant)
	return fl.v, fl.err
}

// land ends a flight: a verifier is cached, an error is not.
func (c *tenantCache) land(tenant string, fl *flight, resolved time.Time) {
	c.mu.Lock()
	delete(c.flights, tenant)
	if fl.err == nil {
		c.byTenant[tenant] = c.lru.PushFront(&tenantEntry{tenant: tenant, v: fl.v, expires: resolved.Add(c.ttl)})
		for c.lru.Len() > c.max {
			oldest := c.lru.Back()
			c.lru.Remove(oldest)
			delete(c.byTenant, oldest.Value.(*tenantEntry).tenant)
		}
	}
	c.mu.Unlock()
	close(fl.done)
}

// load calls the resolver and builds the verifier.
func (c *tenantCache) load(ctx context.Context, tenant string) (*Verifier, error) {
	secrets, err := c.resolve(ctx, tenant)
	if err != nil {
		return nil, unavailable(err)
	}
	if len(secrets) == 0 {
		return nil, withMessage(sentinel("unknown_tenant"), "the resolver has no secrets for this tenant")
	}
	return c.build(secrets)
}

// clear empties the cache, returning the verifiers it held.
func (c *tenantCache) clear() []*Verifier {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*Verifier
	for el := c.lru.Front(); el != nil; el = el.Next() {
		out = append(out, el.Value.(*tenantEntry).v)
	}
	c.lru.Init()
	c.byTenant = map[string]*list.Element{}
	return out
}

// len is how many tenants are cached.
func (c *tenantCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

// resolverError is secrets_unavailable wrapping the resolver's error (never answered
// to the client: the contract's message is).
type resolverError struct {
	err   *Error
	cause error
}

func (e *resolverError) Error() string { return e.err.Error() }

// Is matches ErrSecretsUnavailable.
func (e *resolverError) Is(target error) bool { return e.err.Is(target) }

func (e *resolverError) Unwrap() error { return e.cause }

// As makes errors.As(err, &e) with e an *Error find the secrets_unavailable error.
func (e *resolverError) As(target any) bool {
	if t, ok := target.(**Error); ok {
		*t = e.err
		return true
	}
	return false
}

func unavailable(cause error) error {
	e := *sentinel("secrets_unavailable")
	e.Message = "the tenant's secrets could not be loaded: " + cause.Error()
	return &resolverError{err: &e, cause: cause}
}

// asError is err as an *Error (a resolver's secrets_unavailable included), or internal.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return withMessage(ErrInternal, err.Error()).(*Error)
}
