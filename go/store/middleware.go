package store

import (
	"context"
	"net/http"
	"time"

	"github.com/hookseal/hookseal/go/internal/receive"
)

// Option configures Deduplicate (and hookseal's MiddlewareWithStore).
type Option func(*options)

type options struct {
	lease, timeout time.Duration
	onClaim        func(*http.Request, Outcome)
}

// WithLease sets how long a claim holds a delivery while its handler runs (0:
// DefaultLease). Keep it longer than the provider's timeout and than the handler
// takes: a retry within the lease is answered 503 delivery_in_progress, the first one
// after it runs the handler again.
func WithLease(lease time.Duration) Option { return func(o *options) { o.lease = lease } }

// WithClaimHook calls hook with each request's claim outcome (First, Processing, Done,
// or 0 when the store failed) before it is answered: hookseal's metrics count
// duplicates with it. The hook must not write to the response.
func WithClaimHook(hook func(r *http.Request, outcome Outcome)) Option {
	return func(o *options) { o.onClaim = hook }
}

// WithTimeout bounds each store call (0: DefaultTimeout).
func WithTimeout(timeout time.Duration) Option { return func(o *options) { o.timeout = timeout } }

// Deduplicate runs next for each key(r) (for hookseal, the verified delivery's
// "<scheme>:<idempotency key>"; see hookseal's MiddlewareWithStore) at most once at a
// time and, once it succeeded, never again within ttl (0: DefaultTTL). It follows the
// core's receive contract (docs/receiving.md):
//
//   - the key is claimed with a processing lease (WithLease; DefaultLease);
//   - a claim still held by another attempt is answered 503 delivery_in_progress with
//     Retry-After = the seconds left in its lease, so the provider comes back;
//   - a completed delivery is answered 200 {"duplicate":true}, without next;
//   - a store that fails is answered 503 store_unavailable with Retry-After;
//   - next's 2xx completes the claim; any other status (429 included) or a panic
//     releases it (owner-checked), so the provider's retry runs next again.
//
// Store calls run under a context a client's disconnect cannot cancel, each bounded by
// WithTimeout. A request whose key(r) is "" (no idempotency key) is never claimed: it
// is answered 500 internal, and the provider retries it.
func Deduplicate(s Store, ttl time.Duration, key func(*http.Request) string, next http.Handler, opts ...Option) http.Handler {
	o := options{timeout: DefaultTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	if o.timeout <= 0 {
		o.timeout = DefaultTimeout
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := key(r)
		if k == "" {
			receive.Reject(w, "internal", "the delivery has no idempotency key to de-duplicate on", 0)
			return
		}
		// A context of its own: a client's disconnect must not cancel the claim, nor the
		// complete or release that follow the handler.
		storeCtx := context.WithoutCancel(r.Context())
		ctx, cancel := context.WithTimeout(storeCtx, o.timeout)
		claim, err := s.Claim(ctx, k, o.lease)
		cancel()
		if err != nil {
			claim.Outcome = 0 // "failed": the store released its own token, best-effort
		}
		if o.onClaim != nil {
			o.onClaim(r, claim.Outcome)
		}
		if !answerClaim(w, claim) {
			return
		}
		finish := func(action string) {
			ctx, cancel := context.WithTimeout(storeCtx, o.timeout)
			defer cancel()
			// A failed complete or release changes nothing in the answer: it leaves a
			// lease behind, which expires, and the retry after it runs the handler.
			if action == "complete" {
				_ = s.Complete(ctx, k, claim.Token, ttl)
			} else {
				_ = s.Release(ctx, k, claim.Token)
			}
		}
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				finish(receive.Core.OnHandler["raised"])
				panic(p)
			}
		}()
		next.ServeHTTP(rec, r)
		finish(receive.Core.OnHandler[handlerClass(rec.status)])
	})
}

// answerClaim answers a claim's outcome by the core's table, or reports that the
// handler is to run.
func answerClaim(w http.ResponseWriter, c Claim) (runHandler bool) {
	outcome := "failed"
	if c.Outcome == First || c.Outcome == Processing || c.Outcome == Done {
		outcome = c.Outcome.String()
	}
	switch answer := receive.Core.OnClaim[outcome]; answer {
	case "run_handler":
		return true
	case "duplicate":
		receive.Duplicate(w)
	default:
		receive.Reject(w, answer, "", c.LeaseLeft)
	}
	return false
}

// handlerClass is the row of the core's on_handler table a status falls in. A handler
// that wrote nothing answered 200 (net/http sends it).
func handlerClass(status int) string {
	if status == 0 || (status >= 200 && status < 300) {
		return "2xx"
	}
	return "other"
}

// statusRecorder remembers the status next answered with. Unwrap lets
// http.ResponseController reach the writer's Flush, Hijack and deadlines.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	// 1xx informational headers are not the answer; the final status follows.
	if r.status == 0 && status >= 200 {
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
