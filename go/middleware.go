package hookseal

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/hookseal/hookseal/go/internal/receive"
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
// text}; next is not called.
func (v *Verifier) Middleware(next http.Handler) http.Handler { return v.middleware(next, false) }

func (v *Verifier) middleware(next http.Handler, withEnvelope bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readBody(r.Body, v.maxBody)
		if err != nil {
			receive.Reject(w, "unreadable_body", "", 0)
			return
		}
		verified, err := v.verify(body, r.Header, 0, false, withEnvelope)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = withMessage(ErrInternal, err.Error()).(*Error)
			}
			receive.Reject(w, e.Code, e.Message, 0)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), contextKey{}, &verified)))
	})
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
