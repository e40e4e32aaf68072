// A net/http receiver for the four seed providers, one path each. hookseal's
// middleware reads the raw body, verifies it and answers 401/400/413 itself; the
// handler only sees genuine deliveries, and acknowledges a repeat (a retry or a replay)
// without processing it again.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run .
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"sync"

	hookseal "github.com/hookseal/hookseal/go"
)

// processed holds the deliveries already handled, by idempotency key. In production: a
// table with a unique key (INSERT … ON CONFLICT DO NOTHING), shared and durable.
type processed struct {
	mu   sync.Mutex
	keys map[string]struct{}
}

// first reports whether key is new, and remembers it.
func (p *processed) first(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, seen := p.keys[key]; seen {
		return false
	}
	p.keys[key] = struct{}{}
	return true
}

func receiver(provider string, seen *processed) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		event, _ := hookseal.FromContext(r.Context())
		fresh := seen.first(provider + ":" + event.IdempotencyKey())
		if fresh {
			log.Printf("%s %s %s", provider, event.Kind(), event.EventID())
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]bool{"received": true, "duplicate": !fresh})
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
	seen := &processed{keys: map[string]struct{}{}}
	mux := http.NewServeMux()
	for provider, secret := range secrets {
		verifier, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			log.Fatalf("%s: %v", provider, err)
		}
		mux.Handle("POST /"+provider, verifier.Middleware(receiver(provider, seen)))
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	log.Printf("listening on http://127.0.0.1:%s", port)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
