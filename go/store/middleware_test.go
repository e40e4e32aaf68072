package store_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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
