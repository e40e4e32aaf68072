// Package receive is the core's receive contract (hookseal::receive, docs/receiving.md)
// as Go values: every code a receiver answers with, its HTTP status, Retry-After and
// message; the de-duplication defaults; the claim key. It is read once from the C
// library (hookseal_receive_contract), so that the hookseal package and its store
// package answer from the core's table and never from a copy of it.
package receive

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// RetryAfter says when a provider should retry: Never, after fixed seconds, or after
// the seconds left in a claim's lease (LeaseLeft).
type RetryAfter struct {
	Seconds   int  // the fixed seconds, when > 0
	LeaseLeft bool // the seconds left in the lease, rounded up, at least 1
}

// Never reports whether the answer carries no Retry-After.
func (r RetryAfter) Never() bool { return r.Seconds == 0 && !r.LeaseLeft }

// Header is the Retry-After seconds for the lease time left (used when LeaseLeft), and
// whether there is one.
func (r RetryAfter) Header(leaseLeft time.Duration) (int, bool) {
	switch {
	case r.LeaseLeft:
		return max(1, int(math.Ceil(leaseLeft.Seconds()))), true
	case r.Seconds > 0:
		return r.Seconds, true
	}
	return 0, false
}

// UnmarshalJSON reads null, a number of seconds or "lease_left".
func (r *RetryAfter) UnmarshalJSON(b []byte) error {
	switch s := string(b); {
	case s == "null":
		*r = RetryAfter{}
	case s == `"lease_left"`:
		*r = RetryAfter{LeaseLeft: true}
	default:
		if err := json.Unmarshal(b, &r.Seconds); err != nil || r.Seconds <= 0 {
			return fmt.Errorf("receive: not a retry_after: %s", s)
		}
	}
	return nil
}

// Reply is one row of the reply table.
type Reply struct {
	Code       string     `json:"-"`
	Status     int        `json:"status"`
	RetryAfter RetryAfter `json:"retry_after"`
	Message    string     `json:"message"`
}

// Contract is the whole receive contract.
type Contract struct {
	// Replies holds every code a receiver answers with, by code.
	Replies map[string]Reply `json:"replies"`
	// Duplicate is how a duplicate of a completed delivery is answered.
	Duplicate struct {
		Status int             `json:"status"`
		Body   json.RawMessage `json:"body"`
	} `json:"duplicate"`
	// OnClaim is the answer to each claim outcome ("first", "processing", "done",
	// "failed"): "run_handler", "duplicate" or a code of Replies.
	OnClaim map[string]string `json:"on_claim"`
	// OnHandler is the store action for the handler's outcome ("2xx", "other",
	// "raised"): "complete" or "release".
	OnHandler map[string]string `json:"on_handler"`
	// ClaimKey is the shape of a claim key, "<scheme>:<idempotency_key>".
	ClaimKey string `json:"claim_key"`

	LeaseSeconds           int64 `json:"lease_seconds"`
	TTLSeconds             int64 `json:"ttl_seconds"`
	StoreRetryAfterSeconds int64 `json:"store_retry_after_seconds"`

	// Tenants is how receivers with secrets per tenant claim deliveries and cache
	// verifiers (docs/tenants.md).
	Tenants Tenants `json:"tenants"`
	// Metrics names the OpenTelemetry meter, instruments and attributes every helper
	// records (docs/metrics.md).
	Metrics Metrics `json:"metrics"`
}

// Tenants is the contract's tenants section.
type Tenants struct {
	// ClaimKey is the shape of a tenant's claim key, "<scheme>/<tenant>:<idempotency_key>".
	ClaimKey string `json:"claim_key"`
	// Escape is how the tenant is escaped in it ("%" first).
	Escape map[string]string `json:"escape"`
	// Max is how many tenants' verifiers are kept by default (least recently used go).
	Max int `json:"max"`
	// TTLSeconds is how long resolved secrets are used before the resolver is asked again.
	TTLSeconds int64 `json:"ttl_seconds"`
}

// TTL is TTLSeconds as a duration.
func (t Tenants) TTL() time.Duration { return time.Duration(t.TTLSeconds) * time.Second }

// Metrics is the contract's metrics section.
type Metrics struct {
	Meter string `json:"meter"`
	// Instruments by key: "verifications", "skew", "duplicates", "duration".
	Instruments map[string]Instrument `json:"instruments"`
	// Attributes by key: "scheme", "outcome", "duplicate".
	Attributes map[string]string `json:"attributes"`
}

// Instrument is one metric instrument: its name, kind ("counter" or "histogram") and unit.
type Instrument struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Unit string `json:"unit"`
}

// Lease is the default processing lease of a claim.
func (c *Contract) Lease() time.Duration { return time.Duration(c.LeaseSeconds) * time.Second }

// TTL is how long a completed delivery is remembered by default.
func (c *Contract) TTL() time.Duration { return time.Duration(c.TTLSeconds) * time.Second }

// Reply is the row of code; it panics for a code the core does not answer with, which
// only a typo in this module can cause (the tests walk every use).
func (c *Contract) Reply(code string) Reply {
	r, ok := c.Replies[code]
	if !ok {
		panic("hookseal: the core's receive contract has no code " + code)
	}
	return r
}

// Core is the contract, read from the C library when the program starts.
var Core = load()

func load() *Contract {
	var c Contract
	text := engine.ReceiveContractJSON()
	if err := json.Unmarshal([]byte(text), &c); err != nil {
		panic("hookseal: the core's receive contract does not parse: " + err.Error())
	}
	for code, r := range c.Replies {
		r.Code = code
		c.Replies[code] = r
	}
	return &c
}

// ClaimKey is the key a delivery is claimed under, "<scheme>:<idempotency key>", or
// "" when the idempotency key is empty: such a delivery is never claimed (every one
// would share the key). The core decides (hookseal::receive::claim_key).
func ClaimKey(scheme, idempotencyKey string) string {
	return engine.ClaimKey(scheme, idempotencyKey)
}

// TenantClaimKey is the key a delivery to tenant is claimed under,
// "<scheme>/<tenant>:<idempotency key>" with the tenant escaped, or "" when the
// idempotency key is empty. The core decides (hookseal::receive::tenant_claim_key).
func TenantClaimKey(scheme, tenant, idempotencyKey string) string {
	return engine.TenantClaimKey(scheme, tenant, idempotencyKey)
}
