package hookseal

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// secretsTable is a resolver over a map the test changes, counting its calls.
type secretsTable struct {
	mu    sync.Mutex
	by    map[string][]Secret
	fail  error
	calls atomic.Int32
	gate  chan struct{} // when not nil, each call waits for it to close
}

func (s *secretsTable) resolve(ctx context.Context, tenant string) ([]Secret, error) {
	s.calls.Add(1)
	if s.gate != nil {
		<-s.gate
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return nil, s.fail
	}
	return s.by[tenant], nil
}

func (s *secretsTable) set(tenant string, secrets ...Secret) {
	s.mu.Lock()
	s.by[tenant] = secrets
	s.mu.Unlock()
}

func (s *secretsTable) failWith(err error) {
	s.mu.Lock()
	s.fail = err
	s.mu.Unlock()
}

// tenantServer is a real server routing /hooks/{tenant} through a TenantVerifier that
// answers the verified tenant and secret index.
func tenantServer(t *testing.T, opts ...Option) (string, *secretsTable, *fakeClock, *TenantVerifier) {
	t.Helper()
	table := &secretsTable{by: map[string][]Secret{}}
	clock := &fakeClock{now: time.Unix(1_700_000_000, 0)}
	opts = append([]Option{
		WithTenant(func(r *http.Request) string { return r.PathValue("tenant") }, table.resolve),
		WithClock(clock.Now),
	}, opts...)
	tv, err := NewTenantVerifier("saleslab", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tv.Close() })
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/{tenant}", tv.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tenant, _ := TenantFromContext(r.Context())
		v, _ := FromContext(r.Context())
		_ = json.NewEncoder(w).Encode(map[string]any{"tenant": tenant, "secret_index": v.SecretIndex})
	})))
	return httptestServer(t, mux), table, clock, tv
}

func signedBy(t *testing.T, secret string, body []byte) http.Header {
	t.Helper()
	h, err := Sign("saleslab", secret, body)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

var tenantBody = []byte(`{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}`)

func TestTenantsEachVerifyWithTheirOwnSecrets(t *testing.T) {
	url, table, _, _ := tenantServer(t)
	table.set("acme", Secret{Value: "sl_acme"})
	table.set("globex", Secret{Value: "sl_globex"})

	status, body := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_acme", tenantBody))
	if status != 200 || !strings.Contains(body, `"tenant":"acme"`) {
		t.Fatalf("acme: %d %s", status, body)
	}
	status, body = postRaw(t, url+"/hooks/globex", tenantBody, signedBy(t, "sl_globex", tenantBody))
	if status != 200 || !strings.Contains(body, `"tenant":"globex"`) {
		t.Fatalf("globex: %d %s", status, body)
	}
	// One tenant's secret does not open another's endpoint.
	status, body = postRaw(t, url+"/hooks/globex", tenantBody, signedBy(t, "sl_acme", tenantBody))
	if status != 401 || !strings.Contains(body, "signature_mismatch") {
		t.Fatalf("acme's signature at globex: %d %s", status, body)
	}
	if n := table.calls.Load(); n != 2 {
		t.Fatalf("the resolver ran %d times for two tenants (cached afterwards)", n)
	}
}

func TestATenantsRotatedSecretIsPickedUpAfterTheTTL(t *testing.T) {
	url, table, clock, _ := tenantServer(t, WithTenantCache(10, time.Minute))
	table.set("acme", Secret{Value: "sl_old"})
	if status, body := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_old", tenantBody)); status != 200 {
		t.Fatalf("old secret: %d %s", status, body)
	}
	// Rotated at the source: within the TTL the cached verifier still answers.
	table.set("acme", Secret{Value: "sl_new"})
	clock.Add(59 * time.Second)
	if status, _ := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_old", tenantBody)); status != 200 {
		t.Fatalf("within the TTL the cached secret answers, got %d", status)
	}
	clock.Add(2 * time.Second)
	if status, _ := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_old", tenantBody)); status != 401 {
		t.Fatalf("after the TTL the old secret is gone, got %d", status)
	}
	if status, body := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_new", tenantBody)); status != 200 {
		t.Fatalf("new secret after the TTL: %d %s", status, body)
	}
}

func TestAResolverFailureIs503AndNotCached(t *testing.T) {
	url, table, _, _ := tenantServer(t)
	table.set("acme", Secret{Value: "sl_acme"})
	table.failWith(errors.New("vault: connection refused to 10.0.0.7"))
	req, _ := http.NewRequest(http.MethodPost, url+"/hooks/acme", strings.NewReader(string(tenantBody)))
	req.Header = signedBy(t, "sl_acme", tenantBody)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var answer map[string]string
	_ = json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if resp.StatusCode != 503 || answer["error"] != "secrets_unavailable" || resp.Header.Get("Retry-After") != "5" {
		t.Fatalf("want 503 secrets_unavailable Retry-After 5, got %d %v %q", resp.StatusCode, answer, resp.Header.Get("Retry-After"))
	}
	if strings.Contains(answer["message"], "vault") {
		t.Fatalf("the resolver's error reached the client: %q", answer["message"])
	}
	table.failWith(nil)
	if status, body := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_acme", tenantBody)); status != 200 {
		t.Fatalf("the retry after the resolver recovered: %d %s", status, body)
	}
}

func TestAnUnknownTenantIs404(t *testing.T) {
	url, table, _, tv := tenantServer(t)
	status, body := postRaw(t, url+"/hooks/nobody", tenantBody, signedBy(t, "sl_x", tenantBody))
	if status != 404 || !strings.Contains(body, `"error":"unknown_tenant"`) {
		t.Fatalf("want 404 unknown_tenant, got %d %s", status, body)
	}
	// Unknown is not cached either: a tenant created a moment later works at once.
	table.set("nobody", Secret{Value: "sl_x"})
	if status, _ := postRaw(t, url+"/hooks/nobody", tenantBody, signedBy(t, "sl_x", tenantBody)); status != 200 {
		t.Fatalf("a new tenant: %d", status)
	}
	// A tenant function answering "" is unknown_tenant too, without a resolver call.
	if _, err := tv.Verifier(context.Background(), ""); !errors.Is(err, ErrUnknownTenant) {
		t.Fatalf("empty tenant: %v", err)
	}
}

func TestABadSecretFromTheResolverIsInvalidSecret(t *testing.T) {
	url, table, _, _ := tenantServer(t)
	table.set("acme", Secret{Value: ""})
	if status, body := postRaw(t, url+"/hooks/acme", tenantBody, signedBy(t, "sl_acme", tenantBody)); status != 500 || !strings.Contains(body, "invalid_secret") {
		t.Fatalf("want 500 invalid_secret, got %d %s", status, body)
	}
}

func TestConcurrentMissesShareOneResolverCall(t *testing.T) {
	url, table, _, _ := tenantServer(t)
	table.set("acme", Secret{Value: "sl_acme"})
	table.gate = make(chan struct{})
	h := signedBy(t, "sl_acme", tenantBody)
	const n = 16
	var wg sync.WaitGroup
	statuses := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _ := postRaw(t, url+"/hooks/acme", tenantBody, h)
			statuses <- status
		}()
	}
	// Every request is in (the first inside the resolver, the rest waiting on it)
	// before the resolver may answer.
	for table.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	close(table.gate)
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != 200 {
			t.Fatalf("a request answered %d", s)
		}
	}
	if c := table.calls.Load(); c != 1 {
		t.Fatalf("%d resolver calls for one tenant's concurrent misses", c)
	}
}

func TestTheTenantCacheIsAnLRU(t *testing.T) {
	_, table, _, tv := tenantServer(t, WithTenantCache(2, 0))
	for _, name := range []string{"a", "b", "c"} {
		table.set(name, Secret{Value: "sl_" + name})
	}
	ctx := context.Background()
	for _, name := range []string{"a", "b", "a", "c"} { // c evicts b, the least recent
		if _, err := tv.Verifier(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	if n := tv.cache.len(); n != 2 {
		t.Fatalf("%d cached, max 2", n)
	}
	before := table.calls.Load()
	tv.Verifier(ctx, "a")
	if table.calls.Load() != before {
		t.Fatal("a was evicted instead of b")
	}
	tv.Verifier(ctx, "b")
	if table.calls.Load() != before+1 {
		t.Fatal("b was still cached")
	}
}

func TestTheTenantIsInTheClaimKey(t *testing.T) {
	table := &secretsTable{by: map[string][]Secret{"a:b": {{Value: "sl_1"}}, "a": {{Value: "sl_1"}}}}
	tv, err := NewTenantVerifier("saleslab",
		WithTenant(func(r *http.Request) string { return r.Header.Get("X-Tenant") }, table.resolve))
	if err != nil {
		t.Fatal(err)
	}
	defer tv.Close()
	var keys []string
	claims := store.NewMemory(0)
	h := tv.MiddlewareWithStore(claims, 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		keys = append(keys, DeliveryKey(r))
	}))
	url := httptestServer(t, h)
	for _, tenant := range []string{"a:b", "a", "a"} {
		hdr := signedBy(t, "sl_1", tenantBody)
		hdr.Set("X-Tenant", tenant)
		status, body := postRaw(t, url, tenantBody, hdr)
		if status != 200 {
			t.Fatalf("%s: %d %s", tenant, status, body)
		}
	}
	// The same delivery to two tenants is two deliveries; to one tenant twice, a duplicate.
	want := []string{"saleslab/a%3Ab:d_1", "saleslab/a:d_1"}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Fatalf("claim keys %q, want %q", keys, want)
	}
}

func TestNewTenantVerifierChecksItsOptions(t *testing.T) {
	resolve := func(context.Context, string) ([]Secret, error) { return nil, nil }
	tenant := func(*http.Request) string { return "" }
	for name, opts := range map[string][]Option{
		"no WithTenant":   nil,
		"WithSecrets too": {WithTenant(tenant, resolve), WithSecrets("x")},
		"negative max":    {WithTenant(tenant, resolve), WithTenantCache(-1, 0)},
	} {
		if _, err := NewTenantVerifier("saleslab", opts...); !errors.Is(err, ErrInvalidOption) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := NewTenantVerifier("nope", WithTenant(tenant, resolve)); !errors.Is(err, ErrUnknownScheme) {
		t.Errorf("unknown scheme: %v", err)
	}
	if _, err := NewVerifier("saleslab", WithSecrets("x"), WithTenant(tenant, resolve)); !errors.Is(err, ErrInvalidOption) {
		t.Errorf("WithTenant on NewVerifier: %v", err)
	}
}
