package hookseal

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/hookseal/hookseal/go/internal/receive"
	"github.com/hookseal/hookseal/go/store"
)

type contextKey struct{}

// Middleware verifies every request before next sees it. It reads the body up to the
// verifier's MaxBody (and one byte more, whatever Content-Length or the chunked framing
// says, so the core answers 413), verifies it against the request headers (a header
// sent more than once counts as its values joined with ", "), puts the *Verified in the
// request context (FromContext) and gives next a fresh r.Body holding the same bytes.
//
// A rejected request is answered by the core's receive contract (docs/receiving.md):
// its status (413 payload_too_large, 400 missing_*/malformed_*/timestamp_*, 401
// signature_mismatch, 400 unreadable_body) and a JSON body {"error": code, "message":
// text}, which gains "explanation" (the core's Explanation) when the verifier was built
// with WithExplain(true) or HOOKSEAL_EXPLAIN=1; next is not called. With WithMetrics,
// every delivery's outcome, verify time and skew are recorded (docs/metrics.md).
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return v.recv.handler(v, nil, next, false)
}

// handler is the middleware of a fixed verifier or, when tenants is not nil, of the
// request's tenant's verifier.
func (rc *receipt) handler(fixed *Verifier, tenants *TenantVerifier, next http.Handler, withEnvelope bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, tenant := fixed, ""
		if tenants != nil {
			tenant = tenants.tenant(r)
			var err error
			if v, err = tenants.Verifier(r.Context(), tenant); err != nil {
				rc.reject(w, r, time.Time{}, asError(err))
				return
			}
		}
		body, err := readBody(r.Body, v.maxBody)
		if err != nil {
			rc.reject(w, r, time.Time{}, &Error{Code: "unreadable_body"})
			return
		}
		start := rc.start()
		var verified Verified
		if rc.now != nil {
			verified, err = v.verify(body, r.Header, rc.now().Unix(), true, withEnvelope)
		} else {
			verified, err = v.verify(body, r.Header, 0, false, withEnvelope)
		}
		if err != nil {
			rc.reject(w, r, start, asError(err))
			return
		}
		verified.ResolvedTenant = tenant
		rc.verdict(r, start, OutcomeOK, &verified)
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), contextKey{}, &verified)))
	})
}

// reject answers e by the contract, with its explanation when it carries one.
func (rc *receipt) reject(w http.ResponseWriter, r *http.Request, start time.Time, e *Error) {
	rc.verdict(r, start, e.Code, nil)
	message := e.Message
	switch e.Code {
	case "unknown_tenant", "secrets_unavailable", "internal":
		message = "" // the contract's own: what a resolver said is the receiver's business
	}
	var extra json.RawMessage
	if e.Explanation != nil {
		extra, _ = json.Marshal(e.Explanation)
	}
	receive.RejectExplained(w, e.Code, message, extra)
}

// storeOptions are a store's options, with the duplicates counted when there are metrics.
func (rc *receipt) storeOptions(opts []store.Option) []store.Option {
	if rc.metrics == nil {
		return opts
	}
	m, scheme := rc.metrics, rc.scheme
	hook := store.WithClaimHook(func(r *http.Request, o store.Outcome) {
		switch o {
		case store.Done:
			m.Duplicate(r.Context(), scheme, DuplicateProcessed)
		case store.Processing:
			m.Duplicate(r.Context(), scheme, DuplicateInFlight)
		}
	})
	return append(append([]store.Option(nil), opts...), hook)
}

// FromContext is the delivery Middleware verified for this request.
func FromContext(ctx context.Context) (*Verified, bool) {
	v, ok := ctx.Value(contextKey{}).(*Verified)
	return v, ok
}

// readBody reads at most maxBody+1 bytes of body: one byte past the limit is enough
// for the core to answer payload_too_large, and nothing more is ever held. The buffer
// grows with the bytes that arrive, never with the length a request announces (idle
// connections announcing a large Content-Length pin nothing).
func readBody(body io.Reader, maxBody int) ([]byte, error) {
	if body == nil {
		return nil, nil
	}
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(body, int64(maxBody)+1))
	return buf.Bytes(), err
}
