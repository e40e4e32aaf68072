package events_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/saleslab"
	"github.com/hookseal/hookseal/go/events/salesos"
	"github.com/hookseal/hookseal/go/store"
)

// serveRouter serves router behind a salesos verifier's MiddlewareWithStore, with the
// memory store, on 127.0.0.1.
func serveRouter(t *testing.T, router http.Handler) string {
	t.Helper()
	v, err := hookseal.NewVerifier("salesos", hookseal.WithSecrets("whsec_router"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = v.Close() })
	srv := httptest.NewServer(v.MiddlewareWithStore(store.NewMemory(0), 0, router))
	t.Cleanup(srv.Close)
	return srv.URL
}

func deliver(t *testing.T, url, body string) (int, string) {
	t.Helper()
	h, _ := hookseal.Sign("salesos", "whsec_router", []byte(body))
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header = h
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func body(id, kind, data string) string {
	return `{"id":"` + id + `","type":"` + kind + `","created_at":"2026-01-05T10:00:00Z","data":` + data + `}`
}

func TestRouterBehindTheMiddlewareAndTheStore(t *testing.T) {
	var won []string
	lostRuns := 0
	router := events.NewRouter("salesos", events.WithValidation())
	events.On(router, func(w http.ResponseWriter, r *http.Request, e *salesos.DealWon) {
		won = append(won, *e.Data.ID)
		w.WriteHeader(http.StatusNoContent)
	})
	router.On(salesos.KindDealLost, func(w http.ResponseWriter, r *http.Request, e events.Event) {
		if lostRuns++; lostRuns == 1 {
			http.Error(w, "the CRM is down", http.StatusServiceUnavailable)
		}
	})
	url := serveRouter(t, router)

	for _, c := range []struct {
		name, body string
		status     int
		answer     string
	}{
		{"routed, typed", body("e1", "deal.won", `{"id":"d_1"}`), 204, ""},
		{"its retry: a duplicate", body("e1", "deal.won", `{"id":"d_1"}`), 200, `{"duplicate":true}`},
		{"a handler's 503 releases the claim", body("e2", "deal.lost", `{}`), 503, "the CRM is down\n"},
		{"so the retry runs it (writing nothing)", body("e2", "deal.lost", `{}`), 200, `{"received":true}`},
		{"an unrouted kind is acknowledged", body("e3", "lead.created", `{}`), 200, `{"received":true}`},
		{"a kind no schema lists too", body("e4", "deal.archived", `{}`), 200, `{"received":true}`},
		{"and its retry is a duplicate", body("e4", "deal.archived", `{}`), 200, `{"duplicate":true}`},
		{"an off-schema payload is 400, with no handler", body("e5", "deal.won", `{"id":7}`), 400,
			`{"error":"invalid_payload","message":"the deal.won payload does not match its schema: $.data.id must be a string, not a number"}`},
	} {
		if status, answer := deliver(t, url, c.body); status != c.status || answer != c.answer {
			t.Errorf("%s: %d %q, want %d %q", c.name, status, answer, c.status, c.answer)
		}
	}
	if len(won) != 1 || won[0] != "d_1" || lostRuns != 2 {
		t.Fatalf("won %v, deal.lost ran %d times", won, lostRuns)
	}
}

func TestRouterOtherwise(t *testing.T) {
	var got []string
	router := events.NewRouter("salesos").Otherwise(func(w http.ResponseWriter, r *http.Request, e events.Event) {
		_, generic := e.(*events.Generic)
		got = append(got, e.Kind()+map[bool]string{true: " generic", false: " typed"}[generic])
	})
	url := serveRouter(t, router)
	deliver(t, url, body("e1", "lead.created", `{}`))
	deliver(t, url, body("e2", "deal.archived", `{}`))
	if strings.Join(got, ", ") != "lead.created typed, deal.archived generic" {
		t.Fatal(got)
	}
}

func TestRouterWiringMistakes(t *testing.T) {
	// A saleslab router behind a salesos verifier: 500, retried once fixed.
	url := serveRouter(t, events.NewRouter("saleslab"))
	if status, answer := deliver(t, url, body("e1", "deal.won", `{}`)); status != 500 || !strings.Contains(answer, `"internal"`) {
		t.Errorf("wrong provider: %d %q", status, answer)
	}
	for name, f := range map[string]func(){
		"a kind the schema does not list": func() {
			events.NewRouter("salesos").On("deal.archived", func(http.ResponseWriter, *http.Request, events.Event) {})
		},
		"a kind twice": func() {
			r := events.NewRouter("salesos")
			h := func(http.ResponseWriter, *http.Request, events.Event) {}
			r.On("deal.won", h).On("deal.won", h)
		},
		"another provider's type": func() {
			events.On(events.NewRouter("salesos"), func(http.ResponseWriter, *http.Request, *saleslab.BadgeAwarded) {})
		},
		"the generic form": func() {
			events.On(events.NewRouter("salesos"), func(http.ResponseWriter, *http.Request, *events.Generic) {})
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
