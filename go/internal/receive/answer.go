package receive

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// Reject answers the row of code with message (the row's own when ""), as
// {"error": code, "message": message}, the row's status and, where the row says so,
// Retry-After (leaseLeft is what is left of a claim's lease, for delivery_in_progress).
func Reject(w http.ResponseWriter, code, message string, leaseLeft time.Duration) {
	row := Core.Reply(code)
	if message == "" {
		message = row.Message
	}
	if s, ok := row.RetryAfter.Header(leaseLeft); ok {
		w.Header().Set("Retry-After", strconv.Itoa(s))
	}
	write(w, row.Status, RejectionBody(code, message))
}

// RejectExplained is Reject of a verification, with the body's "explanation" member
// when explanation is not nil (the core's JSON of an Explanation).
func RejectExplained(w http.ResponseWriter, code, message string, explanation json.RawMessage) {
	if explanation == nil {
		Reject(w, code, message, 0)
		return
	}
	row := Core.Reply(code)
	if message == "" {
		message = row.Message
	}
	if s, ok := row.RetryAfter.Header(0); ok {
		w.Header().Set("Retry-After", strconv.Itoa(s))
	}
	write(w, row.Status, rejection(code, message, explanation))
}

// RejectionBody is the JSON of a rejection, escaped as the core escapes it (no HTML
// escaping of <, > and &).
func RejectionBody(code, message string) []byte { return rejection(code, message, nil) }

func rejection(code, message string, explanation json.RawMessage) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(struct {
		Error       string          `json:"error"`
		Message     string          `json:"message"`
		Explanation json.RawMessage `json:"explanation,omitempty"`
	}{code, message, explanation})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Duplicate answers a duplicate of a completed delivery: 200 {"duplicate":true}.
func Duplicate(w http.ResponseWriter) {
	write(w, Core.Duplicate.Status, Core.Duplicate.Body)
}

func write(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
