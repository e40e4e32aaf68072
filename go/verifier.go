package hookseal

import (
	"net/http"
	"net/textproto"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// maxHeaders is the most header names a verifier reads (the core's MAX_HEADER_NAMES,
// exported by the C header): the size of the fixed arrays of header values, and the
// number of value arguments hookseal_verify_values takes.
const maxHeaders = engine.MaxHeaderNames

// Verifier verifies one scheme's webhooks against one or more secrets. Build it once
// at start-up and share it: it is safe for concurrent use by any number of goroutines,
// and the HMAC key state is computed once, not per request.
//
// Close frees the native verifier; a finalizer does it too if Close is forgotten.
// Close may run while other goroutines are verifying: it waits for the calls in flight
// to end, and every call after it returns ErrClosed.
type Verifier struct {
	// mu is held for reading by every call into the native verifier and for writing
	// by Close, so the handle is freed only after the last call in flight has ended.
	mu       sync.RWMutex
	handle   *engine.Verifier // nil once closed
	scheme   string
	names    []string // lowercase header names the verifier reads, signature first
	canon    []string // the same names in http.Header's canonical form
	maxBody  int
	explains bool    // rejections carry the core's Explanation (WithExplain)
	recv     receipt // what the middleware does around verification (receive.go)
}

// NewVerifier builds a verifier for a scheme id (the ID of a row of Schemes:
// "salesbooth", "custom", ...) with at least one secret (WithSecrets) and the scheme's
// options.
//
// Errors: ErrUnknownScheme, ErrInvalidSecret, ErrInvalidOption.
func NewVerifier(scheme string, opts ...Option) (*Verifier, error) {
	cfg := newConfig(opts)
	if cfg.timestamp != nil || cfg.id != nil {
		return nil, invalidOption("WithTimestamp and WithID are options of Sign, not of a verifier")
	}
	if cfg.tenant != nil {
		return nil, invalidOption("WithTenant builds a TenantVerifier (NewTenantVerifier), not a Verifier")
	}
	return cfg.verifier(scheme)
}

// verifier builds the verifier of a config.
func (cfg *config) verifier(scheme string) (*Verifier, error) {
	handle, f := engine.NewVerifier(engine.Config{Scheme: scheme, Secrets: cfg.secrets, Options: cfg.pairs})
	if f.Failed() {
		return nil, statusError(f)
	}
	v := &Verifier{scheme: scheme, handle: handle, maxBody: handle.MaxBody(), explains: cfg.explainOn(),
		recv: cfg.receipt(scheme)}
	for _, name := range handle.HeaderNames() {
		v.names = append(v.names, name)
		v.canon = append(v.canon, textproto.CanonicalMIMEHeaderKey(name))
	}
	runtime.SetFinalizer(v, (*Verifier).Close)
	return v, nil
}

// Close frees the native verifier once the calls in flight have ended (it waits for
// them). It is idempotent; afterwards Verify returns ErrClosed, and the envelope of a
// Verified not read before Close is unavailable (ReadEnvelope returns ErrClosed).
func (v *Verifier) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.handle != nil {
		v.handle.Free()
		v.handle = nil
	}
	runtime.SetFinalizer(v, nil)
	return nil
}

// Scheme is the scheme id the verifier was built for.
func (v *Verifier) Scheme() string { return v.scheme }

// MaxBody is the largest body accepted, in bytes.
func (v *Verifier) MaxBody() int { return v.maxBody }

// HeaderNames are the lowercase names of the only headers the verifier reads, the
// signature header first. Verify extracts just these from an http.Header.
func (v *Verifier) HeaderNames() []string { return append([]string(nil), v.names...) }

// Verify checks a delivery against the system clock: body is the raw request body,
// h the request headers. The checks run in the order of docs/schemes.md#order-of-checks
// and the first failure is the error, an *Error matchable with errors.Is (ErrSignatureMismatch, ...).
//
// A header sent more than once counts as one value, its values (trimmed) joined with
// ", " in the order they arrived (docs/receiving.md): http.Header keeps them in that
// order.
// Values are passed as their bytes, unchanged.
//
// Verify does not parse the body: the envelope (Kind, EventID, ...) is read on first
// use through the methods of Verified.
func (v *Verifier) Verify(body []byte, h http.Header) (Verified, error) {
	return v.verify(body, h, 0, false, false)
}

// VerifyAt is Verify as if the time were now: for tests and replays of captured
// requests.
func (v *Verifier) VerifyAt(body []byte, h http.Header, now time.Time) (Verified, error) {
	return v.verify(body, h, now.Unix(), true, false)
}

// verify is Verify; withEnvelope reads the envelope too, in the same hold of the
// native verifier, so that a Close right after cannot take it away (the de-duplicating
// middleware needs the idempotency key of every delivery it verified).
func (v *Verifier) verify(body []byte, h http.Header, now int64, at, withEnvelope bool) (Verified, error) {
	out := Verified{Scheme: v.scheme, Body: body, verifier: v}
	v.mu.RLock()
	defer v.mu.RUnlock()
	handle := v.handle
	if handle == nil {
		return Verified{}, ErrClosed
	}
	for i := range v.names {
		if s, ok := v.value(h, i); ok {
			out.values.V[i] = s
			out.values.Present |= 1 << i
		}
	}
	res, f := handle.Verify(body, &out.values, now, at)
	runtime.KeepAlive(v)
	if f.Failed() {
		err := statusError(f)
		if v.explains {
			why := v.explainLocked(body, h, now, at)
			err.(*Error).Explanation = &why
		}
		return Verified{}, err
	}
	out.SecretIndex = res.SecretIndex
	if res.HasTimestamp {
		out.Timestamp = time.Unix(res.Timestamp, 0)
	}
	if withEnvelope {
		// out is not shared yet: a plain store (keepEnvelope's atomic one, on &out,
		// would move every Verified to the heap, envelope or not).
		env := out.readEnvelope(handle)
		out.env = unsafe.Pointer(&env)
	}
	return out, nil
}

// value is header i of h, looked up by its canonical key as http.Header.Get does
// (net/http canonicalizes every key it receives), by the core's header rule: one value
// as it is; a repeated header's values, each trimmed of spaces and tabs, joined with
// ", " in arrival order.
func (v *Verifier) value(h http.Header, i int) (string, bool) {
	vals := h[v.canon[i]]
	if len(vals) == 0 {
		return "", false
	}
	return joinValues(vals), true
}
