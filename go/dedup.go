package hookseal

import (
	"net/http"
	"time"

	"github.com/hookseal/hookseal/go/store"
)

// MiddlewareWithStore is Middleware with de-duplication (SPEC §3): each verified delivery
// is claimed in s under DeliveryKey for ttl (0: store.DefaultTTL); a duplicate — a
// provider's retry, a replay — is acknowledged with 200 {"duplicate":true} and never
// reaches next. When next answers 5xx or panics, the claim is released so that the
// provider's retry is processed. store.NewMemory serves one process; sqlitestore,
// redisstore and pgstore share claims between processes.
func (v *Verifier) MiddlewareWithStore(s store.Store, ttl time.Duration, next http.Handler) http.Handler {
	return v.Middleware(store.Deduplicate(s, ttl, DeliveryKey, next))
}

// DeliveryKey is what a verified delivery is claimed under: "<scheme>:<idempotency key>"
// (the signed event id, else the SHA-256 of the body; never an unsigned header). It is
// "" for a request that Middleware did not verify.
func DeliveryKey(r *http.Request) string {
	verified, ok := FromContext(r.Context())
	if !ok {
		return ""
	}
	return verified.Scheme + ":" + verified.IdempotencyKey()
}
