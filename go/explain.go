package hookseal

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"time"
)

// Explanation is why a delivery verifies or not, by the core's diagnosis
// (docs/explain.md): the outcome, the error code and message of a rejection, and its
// likely causes, most specific first (a secret with a trailing newline, a missing or
// extra whsec_, a re-serialized body, clock skew, the wrong scheme, ...).
//
// It is for development: a receiver that answers it to anyone helps an attacker forge
// a signature (SECURITY.md), which is why the middleware attaches it only when asked
// (WithExplain, HOOKSEAL_EXPLAIN=1).
type Explanation struct {
	// OK is whether the delivery verified.
	OK bool `json:"ok"`
	// Code is the rejection's error code ("signature_mismatch"), "" when OK.
	Code string `json:"code"`
	// Message is the core's message for the rejection, or what verified.
	Message string `json:"message"`
	// Findings are the likely causes; empty when nothing more is known.
	Findings []Finding `json:"findings"`

	raw json.RawMessage // the core's JSON, answered as it is
}

// Finding is one likely cause: a stable snake_case code (docs/explain.md) and a
// sentence for the developer that names secrets by index, never by value.
type Finding struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Has reports whether a finding with code is among the findings.
func (e Explanation) Has(code string) bool {
	for _, f := range e.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// MarshalJSON is the core's JSON of the explanation (code null when OK), the bytes every
// runtime answers.
func (e Explanation) MarshalJSON() ([]byte, error) {
	if e.raw != nil {
		return e.raw, nil
	}
	type plain Explanation
	out := struct {
		plain
		Code *string `json:"code"`
	}{plain: plain(e)}
	if e.Code != "" {
		out.Code = &e.Code
	}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	return json.Marshal(out)
}

// Explain is why the delivery verifies or not against the system clock, with Verify's
// arguments in Verify's order: body the raw body, h all the request's headers (a finding
// may name another scheme's header).
// It never fails: a closed verifier is an Explanation with Code "internal".
func (v *Verifier) Explain(body []byte, h http.Header) Explanation {
	return v.explain(body, h, 0, false)
}

// ExplainAt is Explain as if the time were now (VerifyAt's order: body, h, now).
func (v *Verifier) ExplainAt(body []byte, h http.Header, now time.Time) Explanation {
	return v.explain(body, h, now.Unix(), true)
}

func (v *Verifier) explain(body []byte, h http.Header, now int64, at bool) Explanation {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.handle == nil {
		return Explanation{Code: "internal", Message: ErrClosed.Error()}
	}
	return v.explainLocked(body, h, now, at)
}

// explainLocked calls the core; the caller holds the read lock and a live handle.
func (v *Verifier) explainLocked(body []byte, h http.Header, now int64, at bool) Explanation {
	headers := make([][2]string, 0, len(h))
	for name, vals := range h {
		headers = append(headers, [2]string{name, joinValues(vals)})
	}
	text, f := v.handle.Explain(headers, body, now, at)
	if f.Failed() {
		return Explanation{Code: statusError(f).(*Error).Code, Message: f.Message}
	}
	var e Explanation
	if err := json.Unmarshal([]byte(text), &e); err != nil {
		return Explanation{Code: "internal", Message: "the core's explanation does not parse: " + err.Error()}
	}
	e.raw = json.RawMessage(text)
	return e
}

// joinValues is the core's header rule for a header sent more than once: its values,
// each trimmed of spaces and tabs, joined with ", " in arrival order.
func joinValues(vals []string) string {
	if len(vals) == 1 {
		return vals[0]
	}
	trimmed := make([]string, len(vals))
	for j, s := range vals {
		trimmed[j] = strings.Trim(s, " \t")
	}
	return strings.Join(trimmed, ", ")
}

// WithExplain(true) makes every rejection of the verifier carry the core's
// Explanation (Error.Explanation), and the middleware's rejection body an
// "explanation" member. Off by default; without this option the environment decides:
// HOOKSEAL_EXPLAIN=1 turns it on, read once when the verifier is built. For
// development only: a production endpoint that explains is a signing oracle.
func WithExplain(on bool) Option { return func(c *config) { c.explain = &on } }

// explainOn is whether a verifier built with c explains its rejections.
func (c *config) explainOn() bool {
	if c.explain != nil {
		return *c.explain
	}
	return os.Getenv("HOOKSEAL_EXPLAIN") == "1"
}
