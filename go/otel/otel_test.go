package hooksealotel_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
	hooksealotel "github.com/hookseal/hookseal/go/otel"
	"github.com/hookseal/hookseal/go/store"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// collect is every data point the reader holds, by instrument name.
func collect(t *testing.T, reader *sdkmetric.ManualReader) map[string]metricdata.Metrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]metricdata.Metrics{}
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != "hookseal" {
			t.Fatalf("meter %q, want the contract's hookseal", sm.Scope.Name)
		}
		for _, m := range sm.Metrics {
			out[m.Name] = m
		}
	}
	return out
}

func labels(set attribute.Set) string {
	var parts []string
	for _, kv := range set.ToSlice() {
		parts = append(parts, string(kv.Key)+"="+kv.Value.String())
	}
	return strings.Join(parts, ",")
}

func post(t *testing.T, url string, body []byte, h http.Header) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header = h
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func TestTheContractsInstrumentsThroughAManualReader(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	signedAt := time.Unix(1_700_000_000, 0)
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_secret_value"),
		hooksealotel.WithMeterProvider(provider),
		hookseal.WithClock(func() time.Time { return signedAt.Add(7 * time.Second) }))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	hold := make(chan struct{})
	entered := make(chan struct{}, 1)
	srv := httptest.NewServer(v.MiddlewareWithStore(store.NewMemory(0), 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Hold") != "" {
			entered <- struct{}{}
			<-hold
		}
	})))
	defer srv.Close()

	body := []byte(`{"event":"deal.won","id":"evt_unverified_id_1"}`)
	good, _ := hookseal.Sign("salesbooth", "whsec_secret_value", body, hookseal.WithTimestamp(signedAt))
	bad, _ := hookseal.Sign("salesbooth", "whsec_wrong", body, hookseal.WithTimestamp(signedAt))
	held := good.Clone()
	held.Set("X-Hold", "1")
	done := make(chan struct{})
	go func() { post(t, srv.URL, body, held); close(done) }()
	<-entered
	post(t, srv.URL, body, good) // in flight: 503
	close(hold)
	<-done
	post(t, srv.URL, body, good) // processed: 200 duplicate
	post(t, srv.URL, body, bad)
	post(t, srv.URL, body, bad)

	got := collect(t, reader)
	counts := map[string]int64{}
	for _, dp := range got["hookseal.verifications"].Data.(metricdata.Sum[int64]).DataPoints {
		counts[labels(dp.Attributes)] = dp.Value
	}
	want := map[string]int64{
		"hookseal.outcome=ok,hookseal.scheme=salesbooth":                 3,
		"hookseal.outcome=signature_mismatch,hookseal.scheme=salesbooth": 2,
	}
	if len(counts) != len(want) {
		t.Fatalf("verifications %v, want %v", counts, want)
	}
	for k, n := range want {
		if counts[k] != n {
			t.Fatalf("verifications %v, want %v", counts, want)
		}
	}
	if u := got["hookseal.verifications"].Unit; u != "{delivery}" {
		t.Fatalf("unit %q", u)
	}

	dups := map[string]int64{}
	for _, dp := range got["hookseal.duplicates"].Data.(metricdata.Sum[int64]).DataPoints {
		dups[labels(dp.Attributes)] = dp.Value
	}
	if dups["hookseal.duplicate=in_flight,hookseal.scheme=salesbooth"] != 1 ||
		dups["hookseal.duplicate=processed,hookseal.scheme=salesbooth"] != 1 || len(dups) != 2 {
		t.Fatalf("duplicates %v", dups)
	}

	skew := got["hookseal.timestamp.skew"].Data.(metricdata.Histogram[float64]).DataPoints
	if len(skew) != 1 || skew[0].Count != 3 || skew[0].Sum != 21 || labels(skew[0].Attributes) != "hookseal.scheme=salesbooth" {
		t.Fatalf("skew %+v (three verified deliveries, 7 s behind)", skew)
	}
	if u := got["hookseal.timestamp.skew"].Unit; u != "s" {
		t.Fatalf("skew unit %q", u)
	}

	var durations uint64
	for _, dp := range got["hookseal.verify.duration"].Data.(metricdata.Histogram[float64]).DataPoints {
		durations += dp.Count
		if dp.Sum <= 0 || dp.Sum > 10 {
			t.Fatalf("duration sum %v s", dp.Sum)
		}
	}
	if durations != 5 || got["hookseal.verify.duration"].Unit != "s" {
		t.Fatalf("%d durations, want one per delivery", durations)
	}

	// No label carries a secret, a signature, a tenant or an id from the request.
	for name, m := range got {
		var sets []attribute.Set
		switch d := m.Data.(type) {
		case metricdata.Sum[int64]:
			for _, dp := range d.DataPoints {
				sets = append(sets, dp.Attributes)
			}
		case metricdata.Histogram[float64]:
			for _, dp := range d.DataPoints {
				sets = append(sets, dp.Attributes)
			}
		}
		for _, set := range sets {
			text := labels(set)
			for _, leak := range []string{"secret_value", "wrong", "evt_unverified", "v1=", good.Get("X-Salesbooth-Signature")} {
				if strings.Contains(text, leak) {
					t.Fatalf("%s carries %q: %s", name, leak, text)
				}
			}
			for _, kv := range set.ToSlice() {
				switch kv.Key {
				case "hookseal.scheme", "hookseal.outcome", "hookseal.duplicate":
				default:
					t.Fatalf("%s has a label outside the contract: %s", name, kv.Key)
				}
			}
		}
	}
}

func TestATenantIsNeverALabel(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	tv, err := hookseal.NewTenantVerifier("saleslab", hooksealotel.WithMeterProvider(provider),
		hookseal.WithTenant(func(r *http.Request) string { return r.Header.Get("X-Tenant") },
			func(_ context.Context, tenant string) ([]hookseal.Secret, error) {
				if tenant == "acme-corp" {
					return []hookseal.Secret{{Value: "sl_acme"}}, nil
				}
				return nil, nil
			}))
	if err != nil {
		t.Fatal(err)
	}
	defer tv.Close()
	srv := httptest.NewServer(tv.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})))
	defer srv.Close()
	body := []byte(`{"delivery_id":"d"}`)
	for _, tenant := range []string{"acme-corp", "ghost-corp"} {
		h, _ := hookseal.Sign("saleslab", "sl_acme", body)
		h.Set("X-Tenant", tenant)
		post(t, srv.URL, body, h)
	}
	var seen []string
	for _, dp := range collect(t, reader)["hookseal.verifications"].Data.(metricdata.Sum[int64]).DataPoints {
		seen = append(seen, labels(dp.Attributes))
	}
	text := strings.Join(seen, " ")
	if strings.Contains(text, "corp") || !strings.Contains(text, "unknown_tenant") {
		t.Fatalf("labels %s", text)
	}
}
