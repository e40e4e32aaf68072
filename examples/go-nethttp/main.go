// A net/http receiver for the four seed providers, one path each. hookseal's
// middleware reads the raw body, verifies it and answers 401/400/413 itself; a router
// per provider hands each genuine delivery to the handler of its kind as a typed event,
// and a repeat (a retry or a replay) is acknowledged without processing it again.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run .
package main

import (
	"log"
	"net/http"
	"os"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/salesbooth"
	"github.com/hookseal/hookseal/go/events/salescaling"
	"github.com/hookseal/hookseal/go/events/saleslab"
	"github.com/hookseal/hookseal/go/events/salesos"
	"github.com/hookseal/hookseal/go/store"
)

// router is the handler of one provider's deliveries: a typed handler for the kind this
// receiver acts on (the struct generated from the provider's schema, go/events/<provider>),
// and every other kind acknowledged with 200 {"received":true}, as a handler that writes
// nothing is.
func router(provider string) *events.Router {
	r := events.NewRouter(provider)
	switch provider {
	case saleslab.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *saleslab.SessionScorecardFinalized) {
			log.Printf("saleslab: session %s scored %v (%s)", e.SessionID, e.Scorecard.OverallScore, e.Scorecard.Verdict)
		})
	case salesos.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salesos.DealWon) {
			log.Printf("salesos: deal %s won, %v", events.Deref(e.Data.ID), events.Deref(e.Data.Value))
		})
	case salesbooth.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salesbooth.DealCreated) {
			log.Printf("salesbooth: deal %s created for %s", events.Deref(e.Data.DealID), e.TenantID)
		})
	case salescaling.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salescaling.MeetingStatusChanged) {
			log.Printf("salescaling: a meeting is %s", events.Deref(e.Status))
		})
	}
	return r.Otherwise(func(w http.ResponseWriter, req *http.Request, e events.Event) {
		log.Printf("%s %s: acknowledged", provider, e.Kind())
	})
}

func main() {
	// One verifier per provider, built once (the secret exactly as the provider shows it).
	// Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
	secrets := map[string]string{
		"saleslab":    os.Getenv("SALESLAB_SIGNING_SECRET"),
		"salesos":     os.Getenv("SALESOS_WEBHOOK_SECRET"),
		"salesbooth":  os.Getenv("SALESBOOTH_WEBHOOK_SECRET"),
		"salescaling": os.Getenv("SALESCALING_TOKEN"),
	}
	// The deliveries already handled, claimed before the handler runs: a retry while it
	// runs is told to come back (503 + Retry-After), a repeat of a completed one is
	// answered 200 {"duplicate": true}, a failed one is released for the retry. In
	// production: sqlitestore, redisstore or pgstore, shared and durable.
	claims := store.NewMemory(0)
	mux := http.NewServeMux()
	for provider, secret := range secrets {
		verifier, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			log.Fatalf("%s: %v", provider, err)
		}
		mux.Handle("POST /"+provider, verifier.MiddlewareWithStore(claims, 0, router(provider)))
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	log.Printf("listening on http://127.0.0.1:%s", port)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
