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

func TestDeduplicateReleasesOnFailure(t *testing.T) {
	fail := true
	runs := 0
	h := store.Deduplicate(store.NewMemory(0), 0, byHeader, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		runs++
		if fail {
			http.Error(w, "down", http.StatusInternalServerError)
		}
	}))
	serve(h, "a") // 500: released
	fail = false
	if w := serve(h, "a"); w.Code != http.StatusOK || runs != 2 {
		t.Fatalf("the retry after a 500: %d, handler runs %d; want 200 and 2", w.Code, runs)
	}
	if serve(h, "a"); runs != 2 {
		t.Fatalf("after a success the retry is a duplicate; handler runs %d", runs)
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
	if first, _ := s.Claim(context.Background(), "a", 0); !first {
		t.Fatal("a panicking handler kept its claim")
	}
}

type broken struct{}

func (broken) Claim(context.Context, string, time.Duration) (bool, error) {
	return false, errors.New("dial tcp 10.0.0.1:5432: user=app")
}
func (broken) Release(context.Context, string) error { return nil }

func TestDeduplicateStoreDown(t *testing.T) {
	h := store.Deduplicate(broken{}, 0, byHeader, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Fatal("the handler ran without a claim")
	}))
	w := serve(h, "a")
	if w.Code != http.StatusServiceUnavailable || strings.Contains(w.Body.String(), "user=app") {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
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
	if first, _ := s.Claim(context.Background(), "salesbooth:evt_2", 0); !first {
		t.Fatal("a forged delivery claimed its key")
	}
}
