package store

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// duplicateBody is what a duplicate delivery is acknowledged with (status 200).
const duplicateBody = `{"duplicate":true}`

// storeUnavailable answers a claim the store could not make: 503, so the provider
// retries later, rather than processing a delivery that may be a duplicate. The
// store's own error is not sent: it can name hosts and users.
const storeUnavailable = `{"error":"store_unavailable","message":"the de-duplication store could not be reached"}`

// Deduplicate runs next only for the first request of each key(r) (for hookseal, the
// verified delivery's "<scheme>:<idempotency key>"; see hookseal's MiddlewareWithStore),
// claimed in s for ttl (0: DefaultTTL). A duplicate is answered 200
// {"duplicate":true} without reaching next. When next panics or answers with a 5xx
// status, the claim is released, so that the provider's retry is processed.
func Deduplicate(s Store, ttl time.Duration, key func(*http.Request) string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := key(r)
		first, err := s.Claim(r.Context(), k, ttl)
		if err != nil {
			writeJSON(w, http.StatusServiceUnavailable, storeUnavailable)
			return
		}
		if !first {
			writeJSON(w, http.StatusOK, duplicateBody)
			return
		}
		rec := &statusRecorder{ResponseWriter: w}
		released := false
		release := func() {
			if !released {
				released = true
				// A context of its own: the request's may be cancelled already.
				_ = s.Release(context.WithoutCancel(r.Context()), k)
			}
		}
		defer func() {
			if p := recover(); p != nil {
				release()
				panic(p)
			}
		}()
		next.ServeHTTP(rec, r)
		if rec.status >= 500 {
			release()
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// statusRecorder remembers the status next answered with. Unwrap lets
// http.ResponseController reach the writer's Flush, Hijack and deadlines.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
