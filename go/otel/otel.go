// Package hooksealotel records hookseal's verification metrics as OpenTelemetry
// instruments (docs/metrics.md), in a module of its own so that hookseal's root module
// gains no dependency on OpenTelemetry.
//
//	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets(secret),
//		hooksealotel.WithMeterProvider(provider))
//
// The meter, the instrument names and units and the attribute keys are the core's
// metrics contract (hookseal.ReceiveContract().Metrics), the same in every runtime:
//
//	hookseal.verifications    counter    {delivery}  hookseal.scheme, hookseal.outcome
//	hookseal.verify.duration  histogram  s           hookseal.scheme, hookseal.outcome
//	hookseal.timestamp.skew   histogram  s           hookseal.scheme
//	hookseal.duplicates       counter    {delivery}  hookseal.scheme, hookseal.duplicate
//
// No attribute carries a secret, a signature, a tenant or an id from the request.
package hooksealotel

import (
	"context"
	"fmt"
	"sync"

	hookseal "github.com/hookseal/hookseal/go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// WithMeterProvider is hookseal.WithMetrics(New(provider)); a nil provider is the
// global one (otel.GetMeterProvider). It panics only if the provider refuses the
// contract's instruments, which the OpenTelemetry SDK never does.
func WithMeterProvider(provider metric.MeterProvider) hookseal.Option {
	m, err := New(provider)
	if err != nil {
		panic("hooksealotel: " + err.Error())
	}
	return hookseal.WithMetrics(m)
}

// New is a hookseal.Metrics that records into provider's meter "hookseal" (nil: the
// global provider).
func New(provider metric.MeterProvider) (hookseal.Metrics, error) {
	if provider == nil {
		provider = otel.GetMeterProvider()
	}
	c := hookseal.ReceiveContract().Metrics
	inst := func(key string) (hookseal.Instrument, error) {
		i, ok := c.Instruments[key]
		if !ok {
			return i, fmt.Errorf("the core's metrics contract has no instrument %q", key)
		}
		return i, nil
	}
	meter := provider.Meter(c.Meter)
	r := &recorder{scheme: c.Attributes["scheme"], outcome: c.Attributes["outcome"], duplicate: c.Attributes["duplicate"]}
	var err error
	if i, e := inst("verifications"); e != nil {
		return nil, e
	} else if r.verifications, err = meter.Int64Counter(i.Name, metric.WithUnit(i.Unit),
		metric.WithDescription("Webhook deliveries verified, by scheme and outcome (ok or the code answered).")); err != nil {
		return nil, err
	}
	if i, e := inst("duplicates"); e != nil {
		return nil, e
	} else if r.duplicates, err = meter.Int64Counter(i.Name, metric.WithUnit(i.Unit),
		metric.WithDescription("Verified deliveries a de-duplication store had seen: processed or in_flight.")); err != nil {
		return nil, err
	}
	if i, e := inst("duration"); e != nil {
		return nil, e
	} else if r.duration, err = meter.Float64Histogram(i.Name, metric.WithUnit(i.Unit),
		metric.WithDescription("Seconds the verify step of a delivery took."),
		metric.WithExplicitBucketBoundaries(durationBuckets...)); err != nil {
		return nil, err
	}
	if i, e := inst("skew"); e != nil {
		return nil, e
	} else if r.skew, err = meter.Float64Histogram(i.Name, metric.WithUnit(i.Unit),
		metric.WithDescription("Now minus the signed timestamp of a verified delivery, in seconds (positive: behind)."),
		metric.WithExplicitBucketBoundaries(skewBuckets...)); err != nil {
		return nil, err
	}
	for _, key := range []string{r.scheme, r.outcome, r.duplicate} {
		if key == "" {
			return nil, fmt.Errorf("the core's metrics contract lacks an attribute key")
		}
	}
	return r, nil
}

// The histograms' buckets: a verification takes microseconds, a skew is seconds to
// hours either way.
var (
	durationBuckets = []float64{1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 5e-3, 0.01, 0.05, 0.1, 0.5, 1}
	skewBuckets     = []float64{-3600, -300, -60, -10, -1, 0, 1, 10, 60, 300, 3600}
)

// recorder holds the instruments and one attribute set per label combination (a few
// schemes times a few outcomes), built on first use.
type recorder struct {
	verifications, duplicates  metric.Int64Counter
	duration, skew             metric.Float64Histogram
	scheme, outcome, duplicate string
	sets                       sync.Map // labels -> metric.MeasurementOption
}

type labels struct{ scheme, key, value string }

func (r *recorder) option(scheme, key, value string) metric.MeasurementOption {
	l := labels{scheme, key, value}
	if o, ok := r.sets.Load(l); ok {
		return o.(metric.MeasurementOption)
	}
	kv := []attribute.KeyValue{attribute.String(r.scheme, scheme)}
	if key != "" {
		kv = append(kv, attribute.String(key, value))
	}
	o, _ := r.sets.LoadOrStore(l, metric.WithAttributeSet(attribute.NewSet(kv...)))
	return o.(metric.MeasurementOption)
}

func (r *recorder) Verification(ctx context.Context, scheme, outcome string) {
	r.verifications.Add(ctx, 1, r.option(scheme, r.outcome, outcome))
}

func (r *recorder) Duration(ctx context.Context, scheme, outcome string, seconds float64) {
	r.duration.Record(ctx, seconds, r.option(scheme, r.outcome, outcome))
}

func (r *recorder) Skew(ctx context.Context, scheme string, seconds float64) {
	r.skew.Record(ctx, seconds, r.option(scheme, "", ""))
}

func (r *recorder) Duplicate(ctx context.Context, scheme, duplicate string) {
	r.duplicates.Add(ctx, 1, r.option(scheme, r.duplicate, duplicate))
}
