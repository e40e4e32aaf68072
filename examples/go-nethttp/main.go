// A net/http receiver for the four seed providers, one path each. hookseal's
// middleware reads the raw body, verifies it and answers 401/400/413 itself; the
// handler only sees genuine deliveries, and a repeat (a retry or a replay) is
// acknowledged without processing it again.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run .
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func receiver(provider string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		event, _ := hookseal.FromContext(r.Context())
		log.Printf("%s %s %s", provider, event.Kind(), event.EventID())
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]bool{"received": true})
	}
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
		mux.Handle("POST /"+provider, verifier.MiddlewareWithStore(claims, 0, receiver(provider)))
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	log.Printf("listening on http://127.0.0.1:%s", port)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
