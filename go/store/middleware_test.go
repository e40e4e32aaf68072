package store_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/storetest"
)

// byHeader claims each request under its X-Key header.
func byHeader(r *http.Request) string { return r.Header.Get("X-Key") }

func serve(h http.Handler, key string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))
	r.Header.Set("X-Key", key)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestDeduplicateRunsTheHandlerOnce(t *testing.T) {
	runs := 0
	h := store.Deduplicate(store.NewMemory(0), 0, byHeader, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		runs++
		w.WriteHeader(http.StatusNoContent)
	}))
	if w := serve(h, "a"); w.Code != http.StatusNoContent {
		t.Fatalf("first: %d", w.Code)
	}
	w := serve(h, "a")
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"duplicate":true}` || runs != 1 {
		t.Fatalf("duplicate: %d %q, handler runs %d", w.Code, w.Body.String(), runs)
	}
	if serve(h, "b"); runs != 2 {
		t.Fatalf("another key: handler runs %d, want 2", runs)
	}
}

func TestDeduplicateReleasesOnAnyNon2xx(t *testing.T) {
	for _, status := range []int{http.StatusInternalServerError, http.StatusTooManyRequests, http.StatusBadRequest, http.StatusFound} {
		fail := true
		runs := 0
		h := store.Deduplicate(store.NewMemory(0), 0, byHeader, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			runs++
			if fail {
				w.WriteHeader(status)
			}
		}))
		if w := serve(h, "a"); w.Code != status { // released
			t.Fatalf("%d: answered %d", status, w.Code)
		}
		fail = false
		if w := serve(h, "a"); w.Code != http.StatusOK || runs != 2 {
			t.Fatalf("the retry after a %d: %d, handler runs %d; want 200 and 2", status, w.Code, runs)
		}
		if serve(h, "a"); runs != 2 {
			t.Fatalf("after a success the retry is a duplicate; handler runs %d", runs)
		}
	}
}

func TestDeduplicateReleasesOnPanic(t *testing.T) {
	s := store.NewMemory(0)
	h := store.Deduplicate(s, 0, byHeader, http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic was swallowed")
			}
		}()
		serve(h, "a")
	}()
	storetest.MustClaim(t, s, "a", 0, store.First)
}

func TestDeduplicateInFlightIsRetryLater(t *testing.T) {
	s := store.NewMemory(0)
	h := store.Deduplicate(s, 0, byHeader, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Fatal("the handler ran while another attempt holds the lease")
	}), store.WithLease(90*time.Second))
	storetest.MustClaim(t, s, "a", 90*time.Second, store.First)
	w := serve(h, "a")
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "90" ||
		!strings.Contains(w.Body.String(), `"error":"delivery_in_progress"`) {
		t.Fatalf("%d Retry-After %q %s", w.Code, w.Header().Get("Retry-After"), w.Body.String())
	}
}

func TestDeduplicateNeverClaimsAnEmptyKey(t *testing.T) {
	h := store.Deduplicate(broken{}, 0, byHeader, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Fatal("the handler ran without a claim")
	}))
	if w := serve(h, ""); w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), `"error":"internal"`) {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
}

type broken struct{}

func (broken) Claim(context.Context, string, time.Duration) (store.Claim, error) {
	return store.Claim{}, errors.New("dial tcp 10.0.0.1:5432: user=app")
}
func (broken) Complete(context.Context, string, string, time.Duration) error { return nil }
func (broken) Release(context.Context, string, string) error                 { return nil }

func TestDeduplicateStoreDown(t *testing.T) {
	h := store.Deduplicate(broken{}, 0, byHeader, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Fatal("the handler ran without a claim")
	}))
	w := serve(h, "a")
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "5" ||
		!strings.Contains(w.Body.String(), `"error":"store_unavailable"`) || strings.Contains(w.Body.String(), "user=app") {
		t.Fatalf("%d %v %s", w.Code, w.Header(), w.Body.String())
	}
}

// cancelWatch is a Memory that records whether its calls' contexts were cancelled.
type cancelWatch struct {
	*store.Memory
	cancelled chan bool
}

func (c cancelWatch) Complete(ctx context.Context, key, token string, ttl time.Duration) error {
	c.cancelled <- ctx.Err() != nil
	return c.Memory.Complete(ctx, key, token, ttl)
}

// A client that gives up while the handler runs (the provider's timeout) cancels the
// request's context; the handler's answer still completes the claim.
func TestDeduplicateOutlivesTheClientsDisconnect(t *testing.T) {
	s := cancelWatch{store.NewMemory(0), make(chan bool, 1)}
	release := make(chan struct{})
	srv := httptest.NewServer(store.Deduplicate(s, 0, byHeader, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body) // net/http notices a disconnect once the body is read
		select {
		case <-r.Context().Done(): // the client went away
		case <-time.After(10 * time.Second):
			t.Error("the request context was never cancelled")
		}
		close(release)
		w.WriteHeader(http.StatusNoContent)
	})))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, strings.NewReader("{}"))
	req.Header.Set("X-Key", "a")
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Fatal("the request was not cancelled")
	}
	<-release
	select {
	case cancelled := <-s.cancelled:
		if cancelled {
			t.Fatal("Complete ran under the cancelled request context")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Complete never ran")
	}
	storetest.MustClaim(t, s, "a", 0, store.Done)
}

// hookseal's MiddlewareWithStore over a real server: verified, claimed once, and a
// forged delivery never claims.
func TestMiddlewareWithStore(t *testing.T) {
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_test"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s := store.NewMemory(0)
	runs := 0
	srv := httptest.NewServer(v.MiddlewareWithStore(s, 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		runs++
		event, _ := hookseal.FromContext(r.Context())
		if event.EventID() == "evt_fail" && runs == 2 {
			http.Error(w, "the database is down", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})))
	defer srv.Close()
	post := func(id string, forged bool) (int, string) {
		body := []byte(`{"event":"deal.created","id":"` + id + `","tenant_id":"t"}`)
		h, err := hookseal.Sign("salesbooth", "whsec_test", body)
		if err != nil {
			t.Fatal(err)
		}
		if forged {
			body = append(body, ' ')
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header = h
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		reply, _ := io.ReadAll(res.Body)
		return res.StatusCode, strings.TrimSpace(string(reply))
	}
	if code, _ := post("evt_1", false); code != http.StatusNoContent {
		t.Fatalf("first delivery: %d", code)
	}
	if code, reply := post("evt_1", false); code != http.StatusOK || reply != `{"duplicate":true}` || runs != 1 {
		t.Fatalf("duplicate: %d %s, handler runs %d", code, reply, runs)
	}
	if code, _ := post("evt_fail", false); code != http.StatusInternalServerError {
		t.Fatalf("failing handler: %d", code)
	}
	if code, _ := post("evt_fail", false); code != http.StatusNoContent || runs != 3 {
		t.Fatalf("the retry after a failure: %d, handler runs %d", code, runs)
	}
	if code, _ := post("evt_2", true); code != http.StatusUnauthorized {
		t.Fatalf("forged: %d", code)
	}
	storetest.MustClaim(t, s, "salesbooth:evt_2", 0, store.First) // a forged delivery never claims
}
