package hookseal

import (
	"context"
	"net/http"
	"time"
)

// Metrics receives what the middleware measures, by the core's metrics contract
// (docs/metrics.md), one method per instrument: once per delivery its outcome, the time
// the verify step took, the clock skew of a signed timestamp, and each duplicate a
// store caught. The module github.com/hookseal/hookseal/go/otel records them as
// OpenTelemetry instruments; any other sink implements these four methods.
//
// Labels are the scheme id, an outcome and a duplicate kind: never a secret, a
// signature, a tenant or an id read from the request. Without WithMetrics nothing is
// measured and nothing is allocated for it.
type Metrics interface {
	// Verification is one delivery's outcome: OutcomeOK or the code it was answered with.
	Verification(ctx context.Context, scheme, outcome string)
	// Duration is the seconds the verify step took and its outcome, when it ran (not
	// for a body that could not be read, nor a tenant that could not be resolved).
	Duration(ctx context.Context, scheme, outcome string, seconds float64)
	// Skew is now minus the signed timestamp of a verified delivery, in seconds
	// (positive: the delivery is behind), for the schemes that sign one.
	Skew(ctx context.Context, scheme string, seconds float64)
	// Duplicate is a delivery a store had seen: DuplicateProcessed (completed before,
	// answered 200) or DuplicateInFlight (another attempt holds it, answered 503).
	Duplicate(ctx context.Context, scheme, duplicate string)
}

// The values of the outcome and duplicate labels besides the error codes.
const (
	OutcomeOK          = "ok"
	DuplicateProcessed = "processed"
	DuplicateInFlight  = "in_flight"
)

// WithMetrics records what the middleware of the verifier (or TenantVerifier) sees in m.
func WithMetrics(m Metrics) Option { return func(c *config) { c.metrics = m } }

// WithClock is the time the middleware verifies at and a TenantVerifier's cache
// expires by (default the system clock): for tests and replays.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// receipt is what the middleware does around verification: the clock, the metrics.
type receipt struct {
	scheme  string
	metrics Metrics          // nil: nothing measured
	now     func() time.Time // nil: the system clock
}

func (c *config) receipt(scheme string) receipt {
	return receipt{scheme: scheme, metrics: c.metrics, now: c.now}
}

// start is when the verify step began, read only when there are metrics.
func (rc *receipt) start() time.Time {
	if rc.metrics == nil {
		return time.Time{}
	}
	return time.Now()
}

// verdict records one delivery's outcome, its verify time when start is not zero (the
// verify step ran) and, when verified, its skew.
func (rc *receipt) verdict(r *http.Request, start time.Time, outcome string, verified *Verified) {
	if rc.metrics == nil {
		return
	}
	ctx := r.Context()
	if !start.IsZero() {
		rc.metrics.Duration(ctx, rc.scheme, outcome, time.Since(start).Seconds())
	}
	rc.metrics.Verification(ctx, rc.scheme, outcome)
	if verified != nil && !verified.Timestamp.IsZero() {
		now := time.Now()
		if rc.now != nil {
			now = rc.now()
		}
		rc.metrics.Skew(ctx, rc.scheme, now.Sub(verified.Timestamp).Seconds())
	}
}
