package hookseal

// #include "hookseal.h"
import "C"

import (
	"net/http"
	"net/textproto"
	"runtime"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// maxHeaders is the most header names a verifier reads (the core's MAX_HEADER_NAMES,
// exported by the C header): the size of the fixed arrays of header values, and the
// number of value arguments hookseal_verify_values takes.
const maxHeaders = C.HOOKSEAL_MAX_HEADER_NAMES

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
	mu      sync.RWMutex
	handle  *C.HooksealVerifier // nil once closed
	scheme  string
	names   []string // lowercase header names the verifier reads, signature first
	canon   []string // the same names in http.Header's canonical form
	maxBody int
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
	var pinner runtime.Pinner
	defer pinner.Unpin()
	secrets := make([]C.HooksealBytes, len(cfg.secrets))
	for i, s := range cfg.secrets {
		secrets[i] = cBytes(s, &pinner)
	}
	options := cOptions(cfg.pairs, &pinner)
	var handle *C.HooksealVerifier
	var msg *C.char
	status := C.hookseal_verifier_new(cBytes(scheme, &pinner), sliceData(secrets), C.size_t(len(secrets)),
		sliceData(options), C.size_t(len(options)), &handle, &msg)
	if status != C.HOOKSEAL_OK {
		return nil, statusError(status, msg)
	}
	v := &Verifier{scheme: scheme, handle: handle, maxBody: int(C.hookseal_verifier_max_body(handle))}
	n := int(C.hookseal_verifier_header_name_count(handle))
	if n > maxHeaders { // the core's own bound: a broken library, not a caller's mistake
		C.hookseal_verifier_free(handle)
		return nil, withMessage(ErrInternal, "the verifier reads more headers than HOOKSEAL_MAX_HEADER_NAMES")
	}
	for i := 0; i < n; i++ {
		name := goString(C.hookseal_verifier_header_name(handle, C.size_t(i)))
		v.names = append(v.names, name)
		v.canon = append(v.canon, textproto.CanonicalMIMEHeaderKey(name))
	}
	runtime.SetFinalizer(v, (*Verifier).Close)
	return v, nil
}

// cOptions lays the option pairs out for C (pinned; cold path, so a slice is fine).
func cOptions(pairs [][2]string, pinner *runtime.Pinner) []C.HooksealOption {
	out := make([]C.HooksealOption, len(pairs))
	for i, p := range pairs {
		out[i] = C.HooksealOption{name: cBytes(p[0], pinner), value: cBytes(p[1], pinner)}
	}
	return out
}

// sliceData is the first element of a slice for C, or nil when it is empty.
func sliceData[T any](s []T) *T {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}

// Close frees the native verifier once the calls in flight have ended (it waits for
// them). It is idempotent; afterwards Verify returns ErrClosed, and the envelope of a
// Verified not read before Close is unavailable (ReadEnvelope returns ErrClosed).
func (v *Verifier) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.handle != nil {
		C.hookseal_verifier_free(v.handle)
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
	// Header values go as separate pointer arguments: cgo neither checks nor needs a
	// pin for a pointer to bytes passed directly, so this call costs no more than a
	// plain cgo call (an array of pointers would need both).
	var ptrs [maxHeaders]*C.uint8_t
	var lens [maxHeaders]C.size_t
	for i := range v.names {
		if s, ok := v.value(h, i); ok {
			out.values[i] = s
			out.present |= 1 << i
			ptrs[i], lens[i] = valuePtr(s), C.size_t(len(s))
		}
	}
	ptr, n := cBody(body)
	var clock *C.int64_t
	if at {
		clock = (*C.int64_t)(unsafe.Pointer(&now))
	}
	var res C.HooksealVerified
	var msg *C.char
	status := C.hookseal_verify_values(handle, ptr, n, ptrs[0], lens[0], ptrs[1], lens[1],
		ptrs[2], lens[2], clock, &res, &msg)
	runtime.KeepAlive(v)
	runtime.KeepAlive(body)
	if status != C.HOOKSEAL_OK {
		return Verified{}, statusError(status, msg)
	}
	out.SecretIndex = int(res.secret_index)
	if res.has_timestamp {
		out.Timestamp = time.Unix(int64(res.timestamp), 0)
	}
	if withEnvelope {
		out.keepEnvelope(out.readEnvelope(handle))
	}
	return out, nil
}

// value is header i of h, looked up by its canonical key as http.Header.Get does
// (net/http canonicalizes every key it receives), by the core's header rule: one value
// as it is; a repeated header's values, each trimmed of spaces and tabs, joined with
// ", " in arrival order.
func (v *Verifier) value(h http.Header, i int) (string, bool) {
	switch vals := h[v.canon[i]]; len(vals) {
	case 0:
		return "", false
	case 1:
		return vals[0], true
	default:
		trimmed := make([]string, len(vals))
		for j, s := range vals {
			trimmed[j] = strings.Trim(s, " \t")
		}
		return strings.Join(trimmed, ", "), true
	}
}
