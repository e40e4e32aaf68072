package hookseal

import (
	"net/http"
	"time"

	"github.com/hookseal/hookseal/go/internal/receive"
	"github.com/hookseal/hookseal/go/store"
)

// MiddlewareWithStore is Middleware with de-duplication by the core's receive contract
// (docs/receiving.md; store.Deduplicate): each verified delivery is claimed in s under
// DeliveryKey with a processing lease (store.WithLease; store.DefaultLease, 60 s), and
// next's 2xx marks it done for ttl (0: store.DefaultTTL, 30 days).
//
//   - A retry while another attempt holds the lease is answered 503
//     delivery_in_progress with Retry-After (the seconds left in the lease).
//   - A duplicate of a completed delivery is answered 200 {"duplicate":true} and never
//     reaches next.
//   - next's non-2xx answer (429 included) or panic releases the claim, so the
//     provider's retry runs next again; a receiver killed inside next costs one lease.
//   - A store that fails is answered 503 store_unavailable with Retry-After.
//
// store.NewMemory serves one process; sqlitestore, redisstore and pgstore share claims
// between processes.
func (v *Verifier) MiddlewareWithStore(s store.Store, ttl time.Duration, next http.Handler, opts ...store.Option) http.Handler {
	// The envelope is read with the verification, so a Close of the verifier right
	// after cannot leave a verified delivery without its key.
	return v.recv.handler(v, nil, store.Deduplicate(s, ttl, DeliveryKey, next, v.recv.storeOptions(opts)...), true)
}

// DeliveryKey is what a verified delivery is claimed under: the core's claim key,
// "<scheme>:<idempotency key>" (the signed event id, else the SHA-256 of the body;
// never an unsigned header), or for a TenantVerifier's delivery
// "<scheme>/<tenant>:<idempotency key>" (the tenant escaped; docs/tenants.md). It is "" — never claimed — for a request that Middleware
// did not verify, or whose envelope can no longer be read (its verifier was closed
// before it was).
func DeliveryKey(r *http.Request) string {
	verified, ok := FromContext(r.Context())
	if !ok {
		return ""
	}
	env, err := verified.ReadEnvelope()
	if err != nil {
		return ""
	}
	if verified.ResolvedTenant != "" {
		return receive.TenantClaimKey(verified.Scheme, verified.ResolvedTenant, env.IdempotencyKey)
	}
	return receive.ClaimKey(verified.Scheme, env.IdempotencyKey)
}
