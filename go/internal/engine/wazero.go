//go:build !cgo || hookseal_wasm

package engine

// The engine without cgo: the C ABI crate (bindings/c) compiled to wasm32-unknown-unknown,
// embedded in the module, compiled by wazero once per process (wazero_runtime.go) and run
// in pooled instances (wazero_pool.go). Every call copies its arguments into the instance's
// memory, calls the C ABI function (the by-pointer forms of bindings/c/src/wasm.rs where
// the C ABI passes a struct by value) and reads the result back, by the struct layouts
// of wasm32 (pointers and size_t are 4 bytes).

import (
	"time"
)

// Name is the engine's name, as hookseal.Engine() reports it.
const Name = "wasm"

// Verifier is a verifier for the wasm engine: each instance of its pool holds its own
// native verifier, built from cfg when the instance is made.
type Verifier struct {
	cfg   Config
	names []string
	max   int
	pool  *pool
}

// NewVerifier builds a verifier (in a first instance, which stays in its pool).
func NewVerifier(cfg Config) (*Verifier, Failure) {
	cfg.Secrets = append([]Secret(nil), cfg.Secrets...)
	cfg.Options = append([][2]string(nil), cfg.Options...)
	v := &Verifier{cfg: cfg}
	first, f := v.bind()
	if f.Failed() {
		return nil, f
	}
	v.max, v.names, f = first.verifierInfo()
	if f.Failed() {
		first.in.close()
		return nil, f
	}
	v.pool = newPool(v.max, v.bind)
	v.pool.idleAdd(first)
	return v, Failure{}
}

// bind makes an instance holding this verifier.
func (v *Verifier) bind() (*bound, Failure) {
	in, f := newInstance()
	if f.Failed() {
		return nil, f
	}
	handle, f := in.verifierNew(v.cfg)
	if f.Failed() {
		in.close()
		return nil, f
	}
	return &bound{in: in, handle: handle}, Failure{}
}

// HeaderNames are the lowercase names of the headers the verifier reads.
func (v *Verifier) HeaderNames() []string { return v.names }

// MaxBody is the largest body accepted.
func (v *Verifier) MaxBody() int { return v.max }

// Free closes every instance of the verifier (none is in use: the caller's lock).
func (v *Verifier) Free() { v.pool.close() }

// Verify verifies one delivery, at now (unix seconds) when at, else at the time of the
// call: the core's own clock reads the system time, which wasm32-unknown-unknown has not.
func (v *Verifier) Verify(body []byte, values *Values, now int64, at bool) (Result, Failure) {
	if !at {
		now = time.Now().Unix()
	}
	b, f := v.pool.get()
	if f.Failed() {
		return Result{}, f
	}
	defer v.pool.put(b)
	return b.verify(len(v.names), body, values, now)
}

// Envelope reads the envelope of a verified delivery; false when the core could not.
func (v *Verifier) Envelope(body []byte, values *Values) (Envelope, bool) {
	b, f := v.pool.get()
	if f.Failed() {
		return Envelope{}, false
	}
	defer v.pool.put(b)
	return b.envelope(len(v.names), body, values)
}

// Explain is the core's explanation of a delivery as JSON (hookseal_explain), at now
// when at, else at the time of the call.
func (v *Verifier) Explain(headers [][2]string, body []byte, now int64, at bool) (string, Failure) {
	if !at {
		now = time.Now().Unix()
	}
	b, f := v.pool.get()
	if f.Failed() {
		return "", f
	}
	defer v.pool.put(b)
	return b.explain(headers, body, now)
}

// shared is the pool of instances for the calls that need no verifier.
var shared = newPool(0, func() (*bound, Failure) {
	in, f := newInstance()
	if f.Failed() {
		return nil, f
	}
	return &bound{in: in}, Failure{}
})

// withShared runs call on an instance of the shared pool.
func withShared[T any](fallback T, call func(*instance) T) T {
	b, f := shared.get()
	if f.Failed() {
		return fallback
	}
	defer shared.put(b)
	return call(b.in)
}

// Sign returns the headers to send, in the core's order, names lowercase.
func Sign(req SignRequest) ([][2]string, Failure) {
	if req.Timestamp == nil { // the core's clock is the system's, which wasm has not
		now := time.Now().Unix()
		req.Timestamp = &now
	}
	type result struct {
		headers [][2]string
		f       Failure
	}
	r := withShared(result{f: Failure{StatusInternal, "the wasm engine did not start"}}, func(in *instance) result {
		h, f := in.sign(req)
		return result{h, f}
	})
	return r.headers, r.f
}

// Detect is the scheme whose signature header is among headers (name, first value), or "".
func Detect(headers [][2]string) string {
	return withShared("", func(in *instance) string { return in.detect(headers) })
}

// StatusCode is the code the C library names status n by, or "".
func StatusCode(n Status) string {
	return withShared("", func(in *instance) string { return in.statusCode(n) })
}

// SchemesJSON is the core's scheme table as JSON.
func SchemesJSON() string {
	return withShared("", func(in *instance) string { return in.staticString(fnSchemesJSON) })
}

// ReceiveContractJSON is the core's receive contract as JSON.
func ReceiveContractJSON() string {
	return withShared("", func(in *instance) string { return in.staticString(fnReceiveContract) })
}

// ClaimKey is the core's claim key of a delivery, or "" for an empty idempotency key.
func ClaimKey(scheme, idempotencyKey string) string {
	return withShared("", func(in *instance) string { return in.claimKey(scheme, idempotencyKey) })
}

// TenantClaimKey is the core's claim key of a delivery to a tenant, or "" for an empty
// idempotency key.
func TenantClaimKey(scheme, tenant, idempotencyKey string) string {
	return withShared("", func(in *instance) string { return in.tenantClaimKey(scheme, tenant, idempotencyKey) })
}
