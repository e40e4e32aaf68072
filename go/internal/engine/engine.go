// Package engine is the one door into the Rust core: the C ABI of bindings/c
// (include/hookseal.h), reached through cgo and the static library of the platform
// (cgo.go) or, without cgo, through the same crate compiled to WebAssembly and
// run by wazero (wazero*.go; the build tag hookseal_wasm picks it with cgo enabled too,
// which is how `go test -race` runs it). Both builds export the same Go functions and
// types, declared here, so the hookseal package above is one Go API with no cgo of its own.
package engine

// MaxHeaderNames is the most header names a verifier reads: the C header's
// HOOKSEAL_MAX_HEADER_NAMES (the cgo build fails to compile if the two differ).
const MaxHeaderNames = 3

// Status is a HooksealStatus of the C ABI: 0 is OK, 1 to 253 the core's codes,
// StatusInvalidArgument and StatusInternal the ABI's own.
type Status uint32

// The statuses the Go side names (the cgo build checks them against the header).
const (
	StatusOK              Status = 0
	StatusInvalidArgument Status = 254
	StatusInternal        Status = 255
)

// Failure is a call's status and the message it returned; the zero Failure is success.
type Failure struct {
	Status  Status
	Message string
}

// Failed reports whether the call failed.
func (f Failure) Failed() bool { return f.Status != StatusOK }

// Values are the header values of one verification, by the verifier's header names:
// bit i of Present says whether V[i] was sent (an empty value is still present).
type Values struct {
	V       [MaxHeaderNames]string
	Present uint16
}

// Has reports whether value i was sent.
func (v *Values) Has(i int) bool { return v.Present&(1<<i) != 0 }

// Result is what a successful verification knows without parsing the body.
type Result struct {
	SecretIndex  int
	Timestamp    int64 // unix seconds, when HasTimestamp
	HasTimestamp bool
}

// Envelope is the envelope of a verified delivery (docs/schemes.md#envelope): field for
// field hookseal.Envelope, which converts from it (so the two cannot drift apart).
type Envelope struct {
	Kind           string
	EventID        string
	EventIDSigned  bool
	Tenant         string
	IdempotencyKey string
}

// Config is what builds a verifier: a scheme id, its secrets, its options as
// (snake_case name, value) pairs.
type Config struct {
	Scheme  string
	Secrets []Secret
	Options [][2]string
}

// Secret is one secret of a Config (a HooksealSecret): it verifies while now <= NotAfter
// (unix seconds) when HasNotAfter, always otherwise.
type Secret struct {
	Value       string
	NotAfter    int64
	HasNotAfter bool
}

// SignRequest is one call of Sign; Timestamp and ID are nil when not given.
type SignRequest struct {
	Scheme    string
	Secret    string
	Options   [][2]string
	Body      []byte
	Timestamp *int64
	ID        *string
}
