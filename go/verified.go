package hookseal

import (
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// Verified is a delivery that passed verification.
//
// The fields are known without reading the body. The envelope (Kind, EventID, Tenant,
// IdempotencyKey) is read from the signed body on first use of one of those methods,
// by the same core rules as every other runtime, and kept: a handler that only needs
// the body pays nothing for it (see docs/benchmarks/go.md for the cost of each).
type Verified struct {
	// Scheme is the scheme id that verified it.
	Scheme string
	// Timestamp is the signed timestamp; the zero Time for schemes that sign none.
	Timestamp time.Time
	// SecretIndex is which configured secret matched (0 for the first).
	SecretIndex int
	// Body is the raw body, as verified.
	Body []byte
	// ResolvedTenant is the tenant a TenantVerifier verified the delivery for (its
	// tenant function's answer; TenantFromContext), "" for a Verifier's. Not Tenant(),
	// the provider's tenant field of the signed body.
	ResolvedTenant string

	verifier *Verifier
	values   engine.Values  // the header values verified, by the verifier's names
	env      unsafe.Pointer // *Envelope once read; atomic, so first use may race safely
}

// Envelope is what a handler needs to route and de-duplicate a delivery.
type Envelope struct {
	// Kind is the event kind ("deal.won"), or "".
	Kind string
	// EventID is the provider's event or delivery id, or "".
	EventID string
	// EventIDSigned is whether EventID was covered by the signature (false when it came
	// from an unsigned header).
	EventIDSigned bool
	// Tenant is the provider's tenant (company, account) id, or "".
	Tenant string
	// IdempotencyKey is the key to de-duplicate on: the signed event id, else the hex
	// SHA-256 of the body (a retry resends identical bytes).
	IdempotencyKey string
}

// Kind is the event kind, or "".
func (v *Verified) Kind() string { return v.Envelope().Kind }

// EventID is the provider's event or delivery id, or "".
func (v *Verified) EventID() string { return v.Envelope().EventID }

// Tenant is the provider's tenant id, or "".
func (v *Verified) Tenant() string { return v.Envelope().Tenant }

// IdempotencyKey is the key to de-duplicate on (never "").
func (v *Verified) IdempotencyKey() string { return v.Envelope().IdempotencyKey }

// Envelope reads the envelope once (one call into the core, which parses the body
// when it is JSON) and returns the kept copy afterwards. If the verifier was closed
// before the envelope was first read, it is empty: ReadEnvelope tells that case apart.
func (v *Verified) Envelope() Envelope {
	env, _ := v.ReadEnvelope()
	return env
}

// ReadEnvelope is Envelope, with ErrClosed when the verifier was closed before the
// envelope was first read (the empty Envelope then is no answer: IdempotencyKey ""
// must not be de-duplicated on).
func (v *Verified) ReadEnvelope() (Envelope, error) {
	if p := atomic.LoadPointer(&v.env); p != nil {
		return *(*Envelope)(p), nil
	}
	if v.verifier == nil {
		return Envelope{}, ErrClosed
	}
	v.verifier.mu.RLock()
	defer v.verifier.mu.RUnlock()
	if v.verifier.handle == nil {
		return Envelope{}, ErrClosed
	}
	return v.keepEnvelope(v.readEnvelope(v.verifier.handle)), nil
}

// keepEnvelope keeps env as the envelope, unless another goroutine kept one first.
func (v *Verified) keepEnvelope(env Envelope) Envelope {
	if atomic.CompareAndSwapPointer(&v.env, nil, unsafe.Pointer(&env)) {
		return env
	}
	return *(*Envelope)(atomic.LoadPointer(&v.env))
}

// readEnvelope calls into the core; the caller holds the verifier's read lock.
func (v *Verified) readEnvelope(handle *engine.Verifier) Envelope {
	env, ok := handle.Envelope(v.Body, &v.values)
	if !ok {
		return Envelope{}
	}
	return Envelope(env)
}
