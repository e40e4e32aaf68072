package hookseal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
)

type contextKey struct{}

// Middleware verifies every request before next sees it. It reads the body through
// http.MaxBytesReader at the verifier's MaxBody, verifies it against the request
// headers, puts the *Verified in the request context (FromContext) and gives next a
// fresh r.Body holding the same bytes.
//
// A rejected request is answered with the SPEC's status (413 payload_too_large, 400
// missing_*/malformed_*/timestamp_*, 401 signature_mismatch) and a JSON body
// {"error": code, "message": text}; next is not called.
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readBody(w, r, v.maxBody)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				err = withMessage(ErrPayloadTooLarge, "the body is larger than "+strconv.Itoa(v.maxBody)+" bytes")
			} else {
				writeJSONError(w, http.StatusBadRequest, "unreadable_body", err.Error())
				return
			}
		}
		var verified Verified
		if err == nil {
			verified, err = v.Verify(body, r.Header)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = &Error{Code: "internal", Status: http.StatusInternalServerError, Message: err.Error()}
			}
			writeJSONError(w, e.Status, e.Code, e.Message)
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

// readBody reads at most maxBody bytes, in one allocation when the length is announced.
func readBody(w http.ResponseWriter, r *http.Request, maxBody int) ([]byte, error) {
	reader := http.MaxBytesReader(w, r.Body, int64(maxBody))
	defer reader.Close()
	var buf bytes.Buffer
	if r.ContentLength > 0 && r.ContentLength <= int64(maxBody) {
		buf.Grow(int(r.ContentLength) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(reader)
	return buf.Bytes(), err
}

func writeJSONError(w http.ResponseWriter, status int, code, message string) {
	payload, _ := json.Marshal(struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}{code, message})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	_, _ = w.Write(payload)
}
