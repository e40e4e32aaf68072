package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/hookseal-frameworks/internal/receivertest"
	"example.com/hookseal-frameworks/internal/routes"
	"github.com/go-chi/chi/v5"
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func TestReceiver(t *testing.T) {
	handler, err := serve(receivertest.Secrets, store.NewMemory(0))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()
	receivertest.CheckReceiver(t, srv.URL)
}

// Verifier.Middleware as chi's r.Use, over a group of routes.
func TestMiddlewareInUse(t *testing.T) {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets(receivertest.Secrets["salesos"]))
	defer v.Close()
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(v.Middleware)
		r.Method(http.MethodPost, "/salesos", routes.For("salesos"))
	})
	srv := httptest.NewServer(r)
	defer srv.Close()
	body := receivertest.Bodies["salesos"]
	if status, answer := receivertest.Post(t, srv.URL+"/salesos", "salesos", receivertest.Secrets["salesos"], body); status != http.StatusOK {
		t.Fatalf("genuine: %d %q", status, answer)
	}
	if status, _ := receivertest.Post(t, srv.URL+"/salesos", "salesos", "not-the-secret", body); status != http.StatusUnauthorized {
		t.Fatalf("another secret: %d", status)
	}
}
