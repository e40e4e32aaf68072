//go:build cgo && !hookseal_wasm

package engine

// The cgo engine links the static library of bindings/c for the platform being built,
// by full path under lib/<goos>_<goarch>/ (a -lhookseal flag would pick a shared
// library beside it). In a released module the library is part of the module zip; in a
// checkout `go generate ./...` builds it for the host (build-lib.sh). The link flags of
// each platform are what `rustc --print native-static-libs` lists for its target.
// noescape/nocallback: the C side keeps no Go pointer past a call and never calls back
// into Go, so arguments can stay on the Go stack (no allocation per call).

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#cgo linux,amd64 LDFLAGS: ${SRCDIR}/../../lib/linux_amd64/libhookseal.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
#cgo linux,arm64 LDFLAGS: ${SRCDIR}/../../lib/linux_arm64/libhookseal.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
#cgo darwin,amd64 LDFLAGS: ${SRCDIR}/../../lib/darwin_amd64/libhookseal.a -lSystem -lc -lm
#cgo darwin,arm64 LDFLAGS: ${SRCDIR}/../../lib/darwin_arm64/libhookseal.a -lSystem -lc -lm
#cgo windows,amd64 LDFLAGS: ${SRCDIR}/../../lib/windows_amd64/libhookseal.a -lkernel32 -ladvapi32 -lntdll -luserenv -lws2_32 -ldbghelp
#cgo noescape hookseal_verify_values
#cgo nocallback hookseal_verify_values
#cgo noescape hookseal_envelope
#cgo nocallback hookseal_envelope
#include "hookseal.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// Name is the engine's name, as hookseal.Engine() reports it.
const Name = "cgo"

// The constants of engine.go are the header's (an unsigned constant that would be
// negative does not compile, so each pair must be equal).
const (
	_ = uint(C.HOOKSEAL_MAX_HEADER_NAMES - MaxHeaderNames)
	_ = uint(MaxHeaderNames - C.HOOKSEAL_MAX_HEADER_NAMES)
	_ = uint(C.HOOKSEAL_INVALID_ARGUMENT - StatusInvalidArgument)
	_ = uint(StatusInvalidArgument - C.HOOKSEAL_INVALID_ARGUMENT)
	_ = uint(C.HOOKSEAL_INTERNAL - StatusInternal)
	_ = uint(StatusInternal - C.HOOKSEAL_INTERNAL)
)

// Verifier is a native verifier. Free releases it; the caller makes sure no call is
// in flight then (the hookseal package's lock does).
type Verifier struct {
	handle *C.HooksealVerifier
	names  []string
	max    int
}

// NewVerifier builds a verifier.
func NewVerifier(cfg Config) (*Verifier, Failure) {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	secrets := make([]C.HooksealSecret, len(cfg.Secrets))
	for i, s := range cfg.Secrets {
		secrets[i] = C.HooksealSecret{value: cBytes(s.Value, &pinner), not_after: C.int64_t(s.NotAfter),
			has_not_after: C.bool(s.HasNotAfter)}
	}
	options := cOptions(cfg.Options, &pinner)
	var handle *C.HooksealVerifier
	var msg *C.char
	status := C.hookseal_verifier_new_secrets(cBytes(cfg.Scheme, &pinner), sliceData(secrets), C.size_t(len(secrets)),
		sliceData(options), C.size_t(len(options)), &handle, &msg)
	if status != C.HOOKSEAL_OK {
		return nil, failure(status, msg)
	}
	v := &Verifier{handle: handle, max: int(C.hookseal_verifier_max_body(handle))}
	n := int(C.hookseal_verifier_header_name_count(handle))
	if n > MaxHeaderNames { // the core's own bound: a broken library, not a caller's mistake
		C.hookseal_verifier_free(handle)
		return nil, Failure{StatusInternal, "the verifier reads more headers than HOOKSEAL_MAX_HEADER_NAMES"}
	}
	for i := 0; i < n; i++ {
		v.names = append(v.names, goString(C.hookseal_verifier_header_name(handle, C.size_t(i))))
	}
	return v, Failure{}
}

// HeaderNames are the lowercase names of the headers the verifier reads.
func (v *Verifier) HeaderNames() []string { return v.names }

// MaxBody is the largest body accepted.
func (v *Verifier) MaxBody() int { return v.max }

// Free releases the native verifier.
func (v *Verifier) Free() { C.hookseal_verifier_free(v.handle) }

// Verify verifies one delivery, at now (unix seconds) when at, else by the system clock.
// Header values go as separate pointer arguments: cgo neither checks nor needs a pin
// for a pointer to bytes passed directly, so this call costs no more than a plain cgo
// call (an array of pointers would need both).
func (v *Verifier) Verify(body []byte, values *Values, now int64, at bool) (Result, Failure) {
	var ptrs [MaxHeaderNames]*C.uint8_t
	var lens [MaxHeaderNames]C.size_t
	for i := range v.names {
		if values.Has(i) {
			ptrs[i], lens[i] = valuePtr(values.V[i]), C.size_t(len(values.V[i]))
		}
	}
	ptr, n := cBody(body)
	var clock *C.int64_t
	if at {
		clock = (*C.int64_t)(unsafe.Pointer(&now))
	}
	var res C.HooksealVerified
	var msg *C.char
	status := C.hookseal_verify_values(v.handle, ptr, n, ptrs[0], lens[0], ptrs[1], lens[1],
		ptrs[2], lens[2], clock, &res, &msg)
	runtime.KeepAlive(body)
	if status != C.HOOKSEAL_OK {
		return Result{}, failure(status, msg)
	}
	return Result{SecretIndex: int(res.secret_index), Timestamp: int64(res.timestamp), HasTimestamp: bool(res.has_timestamp)}, Failure{}
}

// Envelope reads the envelope of a verified delivery; false when the core could not.
func (v *Verifier) Envelope(body []byte, values *Values) (Envelope, bool) {
	var pinner runtime.Pinner
	var cv [MaxHeaderNames]C.HooksealBytes
	for i := range v.names {
		if values.Has(i) {
			cv[i] = cBytes(values.V[i], &pinner)
		}
	}
	ptr, n := cBody(body)
	var out C.HooksealEnvelope
	status := C.hookseal_envelope(v.handle, ptr, n, &cv[0], C.size_t(len(v.names)), &out, nil)
	pinner.Unpin()
	runtime.KeepAlive(body)
	if status != C.HOOKSEAL_OK {
		return Envelope{}, false
	}
	defer C.hookseal_envelope_free(&out)
	return Envelope{
		Kind:           takeString(out.kind),
		EventID:        takeString(out.event_id),
		EventIDSigned:  bool(out.event_id_signed),
		Tenant:         takeString(out.tenant),
		IdempotencyKey: takeString(out.idempotency_key),
	}, true
}

// Explain is the core's explanation of a delivery as JSON (hookseal_explain): headers
// are every header of the request (name, value with repeats joined), now unix seconds
// when at, else the system clock.
func (v *Verifier) Explain(headers [][2]string, body []byte, now int64, at bool) (string, Failure) {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	cs := make([]C.HooksealHeader, len(headers))
	for i, h := range headers {
		cs[i] = C.HooksealHeader{name: cBytes(h[0], &pinner), value: cBytes(h[1], &pinner)}
	}
	ptr, n := cBody(body)
	var clock *C.int64_t
	if at {
		clock = (*C.int64_t)(unsafe.Pointer(&now))
	}
	var out C.HooksealString
	var msg *C.char
	status := C.hookseal_explain(v.handle, sliceData(cs), C.size_t(len(cs)), ptr, n, clock, &out, &msg)
	runtime.KeepAlive(body)
	if status != C.HOOKSEAL_OK {
		return "", failure(status, msg)
	}
	defer C.hookseal_string_free(&out)
	return takeString(out), Failure{}
}

// Sign returns the headers to send, in the core's order, names lowercase.
func Sign(req SignRequest) ([][2]string, Failure) {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	options := cOptions(req.Options, &pinner)
	var ts *C.int64_t
	if req.Timestamp != nil {
		ts = (*C.int64_t)(unsafe.Pointer(req.Timestamp))
	}
	var id C.HooksealBytes
	if req.ID != nil {
		id = cBytes(*req.ID, &pinner)
	}
	ptr, n := cBody(req.Body)
	var list C.HooksealHeaderList
	var msg *C.char
	status := C.hookseal_sign(cBytes(req.Scheme, &pinner), cBytes(req.Secret, &pinner), sliceData(options),
		C.size_t(len(options)), ptr, n, ts, id, &list, &msg)
	runtime.KeepAlive(req.Body)
	if status != C.HOOKSEAL_OK {
		return nil, failure(status, msg)
	}
	defer C.hookseal_header_list_free(&list)
	items := unsafe.Slice(list.ptr, int(list.len))
	out := make([][2]string, len(items))
	for i, item := range items {
		out[i] = [2]string{takeString(item.name), takeString(item.value)}
	}
	return out, Failure{}
}

// Detect is the scheme whose signature header is among headers (name, first value), or "".
func Detect(headers [][2]string) string {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	cs := make([]C.HooksealHeader, len(headers))
	for i, h := range headers {
		cs[i] = C.HooksealHeader{name: cBytes(h[0], &pinner), value: cBytes(h[1], &pinner)}
	}
	var scheme C.HooksealBytes
	if C.hookseal_detect(sliceData(cs), C.size_t(len(cs)), &scheme, nil) != C.HOOKSEAL_OK {
		return ""
	}
	return goString(scheme)
}

// StatusCode is the code the C library names status n by, or "".
func StatusCode(n Status) string { return goString(C.hookseal_status_code(C.uint32_t(n))) }

// SchemesJSON is the core's scheme table as JSON.
func SchemesJSON() string { return C.GoString(C.hookseal_schemes_json()) }

// ReceiveContractJSON is the core's receive contract as JSON.
func ReceiveContractJSON() string { return C.GoString(C.hookseal_receive_contract()) }

// ClaimKey is the core's claim key of a delivery, or "" for an empty idempotency key.
func ClaimKey(scheme, idempotencyKey string) string {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	var out C.HooksealString
	status := C.hookseal_claim_key(cBytes(scheme, &pinner), cBytes(idempotencyKey, &pinner), &out, nil)
	if status != C.HOOKSEAL_OK || out.ptr == nil {
		return ""
	}
	defer C.hookseal_string_free(&out)
	return C.GoStringN(out.ptr, C.int(out.len))
}

// TenantClaimKey is the core's claim key of a delivery to a tenant, or "" for an empty
// idempotency key.
func TenantClaimKey(scheme, tenant, idempotencyKey string) string {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	var out C.HooksealString
	status := C.hookseal_tenant_claim_key(cBytes(scheme, &pinner), cBytes(tenant, &pinner),
		cBytes(idempotencyKey, &pinner), &out, nil)
	if status != C.HOOKSEAL_OK || out.ptr == nil {
		return ""
	}
	defer C.hookseal_string_free(&out)
	return C.GoStringN(out.ptr, C.int(out.len))
}

// failure is the Failure of a C call, with its message taken and freed.
func failure(status C.HooksealStatus, msg *C.char) Failure {
	f := Failure{Status: Status(status)}
	if msg != nil {
		f.Message = C.GoString(msg)
		C.hookseal_error_free(msg)
	}
	return f
}

// emptyValue gives a present-but-empty value a non-NULL pointer (NULL means "absent"
// to the C ABI). A package variable is never moved, so needs no pin.
var emptyValue [1]byte

// cBytes borrows s for one C call, pinning its bytes so that a struct holding the
// pointer may itself live in Go memory.
func cBytes(s string, pinner *runtime.Pinner) C.HooksealBytes {
	if len(s) == 0 {
		return C.HooksealBytes{ptr: (*C.uint8_t)(unsafe.Pointer(&emptyValue[0])), len: 0}
	}
	data := unsafe.StringData(s)
	pinner.Pin(data)
	return C.HooksealBytes{ptr: (*C.uint8_t)(unsafe.Pointer(data)), len: C.size_t(len(s))}
}

// valuePtr points at a header value for one call; an empty value gets a non-NULL pointer.
func valuePtr(s string) *C.uint8_t {
	if len(s) == 0 {
		return (*C.uint8_t)(unsafe.Pointer(&emptyValue[0]))
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.StringData(s)))
}

// cBody points at a body for one call: nil for an empty body.
func cBody(body []byte) (*C.uint8_t, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(body))), C.size_t(len(body))
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

// goString copies borrowed C bytes into a Go string.
func goString(b C.HooksealBytes) string {
	if b.ptr == nil {
		return ""
	}
	return C.GoStringN((*C.char)(unsafe.Pointer(b.ptr)), C.int(b.len))
}

// takeString copies an owned C string into Go; the owner struct's _free releases it.
func takeString(s C.HooksealString) string {
	if s.ptr == nil {
		return ""
	}
	return C.GoStringN(s.ptr, C.int(s.len))
}
