package hookseal

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
)

// recorded is a Metrics that keeps every call as a line.
type recorded struct {
	mu    sync.Mutex
	lines []string
	skews []float64
}

func (m *recorded) add(line string) { m.mu.Lock(); m.lines = append(m.lines, line); m.mu.Unlock() }

func (m *recorded) Verification(_ context.Context, scheme, outcome string) {
	m.add("verification " + scheme + " " + outcome)
}

func (m *recorded) Duration(_ context.Context, scheme, outcome string, seconds float64) {
	if seconds < 0 {
		panic("negative duration")
	}
	m.add("duration " + scheme + " " + outcome)
}

func (m *recorded) Skew(_ context.Context, scheme string, seconds float64) {
	m.mu.Lock()
	m.skews = append(m.skews, seconds)
	m.mu.Unlock()
	m.add("skew " + scheme)
}

func (m *recorded) Duplicate(_ context.Context, scheme, duplicate string) {
	m.add("duplicate " + scheme + " " + duplicate)
}

func (m *recorded) sorted() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := append([]string(nil), m.lines...)
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestTheMiddlewareRecordsEachDelivery(t *testing.T) {
	m := &recorded{}
	signedAt := time.Unix(1_700_000_000, 0)
	now := signedAt.Add(42 * time.Second)
	v, err := NewVerifier("salesbooth", WithSecrets("whsec_b"), WithMetrics(m), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	url := httptestServer(t, v.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})))
	body := []byte(`{"event":"deal.won","id":"e1"}`)
	good, _ := Sign("salesbooth", "whsec_b", body, WithTimestamp(signedAt))
	bad, _ := Sign("salesbooth", "whsec_other", body, WithTimestamp(signedAt))
	postRaw(t, url, body, good)
	postRaw(t, url, body, bad)
	postRaw(t, url, body, http.Header{})
	want := strings.Join([]string{
		"duration salesbooth missing_signature",
		"duration salesbooth ok",
		"duration salesbooth signature_mismatch",
		"skew salesbooth",
		"verification salesbooth missing_signature",
		"verification salesbooth ok",
		"verification salesbooth signature_mismatch",
	}, "\n")
	if got := m.sorted(); got != want {
		t.Fatalf("recorded:\n%s\nwant:\n%s", got, want)
	}
	if len(m.skews) != 1 || m.skews[0] != 42 {
		t.Fatalf("skew %v, want [42] (now - signed timestamp)", m.skews)
	}
}

func TestDuplicatesAreCountedProcessedAndInFlight(t *testing.T) {
	m := &recorded{}
	v, _ := NewVerifier("saleslab", WithSecrets("sl_1"), WithMetrics(m))
	defer v.Close()
	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	h := v.MiddlewareWithStore(store.NewMemory(0), 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Hold") != "" {
			entered <- struct{}{}
			<-release
		}
	}))
	url := httptestServer(t, h)
	body := []byte(`{"event_kind":"deal.won","delivery_id":"d_7"}`)
	sig, _ := Sign("saleslab", "sl_1", body)
	held := sig.Clone()
	held.Set("X-Hold", "1")
	done := make(chan struct{})
	go func() { postRaw(t, url, body, held); close(done) }()
	<-entered
	if status, _ := postRaw(t, url, body, sig); status != 503 {
		t.Fatalf("in flight: %d", status)
	}
	close(release)
	<-done
	if status, _ := postRaw(t, url, body, sig); status != 200 {
		t.Fatalf("processed: %d", status)
	}
	got := m.sorted()
	for _, line := range []string{"duplicate saleslab in_flight", "duplicate saleslab processed"} {
		if !strings.Contains(got, line) {
			t.Fatalf("no %q in\n%s", line, got)
		}
	}
	if n := strings.Count(got, "verification saleslab ok"); n != 3 {
		t.Fatalf("%d verifications recorded for three deliveries:\n%s", n, got)
	}
}

func TestTenantOutcomesAreRecordedWithoutTheTenant(t *testing.T) {
	m := &recorded{}
	url, table, _, _ := tenantServer(t, WithMetrics(m))
	table.set("acme", Secret{Value: "sl_acme"})
	postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_acme", tenantBody))
	postRaw(t, url+"/hooks/ghost", tenantBody, signedBy(t, "sl_acme", tenantBody))
	table.failWith(fmt.Errorf("down"))
	postRaw(t, url+"/hooks/other", tenantBody, signedBy(t, "sl_acme", tenantBody))
	got := m.sorted()
	// A tenant that could not be resolved never reached the verify step: no duration.
	want := "duration saleslab ok\nverification saleslab ok\nverification saleslab secrets_unavailable\nverification saleslab unknown_tenant"
	if got != want {
		t.Fatalf("recorded:\n%s\nwant:\n%s", got, want)
	}
	for _, leak := range []string{"acme", "ghost", "other", "sl_", "d_1"} {
		if strings.Contains(got, leak) {
			t.Fatalf("a label carries %q", leak)
		}
	}
}

// nop is a Metrics that records nothing, to compare allocations against.
type nop struct{}

func (nop) Verification(context.Context, string, string)      {}
func (nop) Duration(context.Context, string, string, float64) {}
func (nop) Skew(context.Context, string, float64)             {}
func (nop) Duplicate(context.Context, string, string)         {}

func TestNoMetricsAllocatesNothingPerRequest(t *testing.T) {
	rc := receipt{scheme: "saleslab"}
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	verified := &Verified{Timestamp: time.Unix(1, 0)}
	if n := testing.AllocsPerRun(100, func() {
		start := rc.start()
		rc.verdict(r, start, OutcomeOK, verified)
	}); n != 0 {
		t.Fatalf("%v allocations per request for metrics without a meter", n)
	}
	if opts := rc.storeOptions(nil); len(opts) != 0 {
		t.Fatal("a store hook without metrics")
	}
	// The whole middleware: no more allocations without metrics than with a sink that
	// records nothing.
	body := []byte(`{"event_kind":"deal.won","delivery_id":"d_1"}`)
	h, _ := Sign("saleslab", "sl_1", body)
	allocs := func(opts ...Option) float64 {
		v, err := NewVerifier("saleslab", append(opts, WithSecrets("sl_1"))...)
		if err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		mw := v.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		return testing.AllocsPerRun(200, func() {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(body)))
			req.Header = h
			mw.ServeHTTP(httptest.NewRecorder(), req)
		})
	}
	without, with := allocs(), allocs(WithMetrics(nop{}))
	if without > with {
		t.Fatalf("%v allocations per request without metrics, %v with a no-op sink", without, with)
	}
}
