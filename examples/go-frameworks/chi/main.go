// A chi receiver for the four seed providers, one path each. chi takes net/http
// middleware as it is: hookseal's Verifier.Middleware (func(http.Handler) http.Handler)
// goes into r.With or r.Use, and answers 401/400/413 itself.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run ./chi
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func received(w http.ResponseWriter, r *http.Request) {
	delivery, _ := hookseal.FromContext(r.Context())
	log.Printf("%s %s %s", delivery.Scheme, delivery.Kind(), delivery.IdempotencyKey())
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"received":true}`))
}

func routes(secrets map[string]string, claims store.Store) (http.Handler, error) {
	r := chi.NewRouter()
	for provider, secret := range secrets {
		v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			return nil, err
		}
		// Verifier.Middleware is chi middleware as it is; with de-duplication, a closure:
		dedup := func(next http.Handler) http.Handler { return v.MiddlewareWithStore(claims, 0, next) }
		r.With(dedup).Post("/"+provider, received)
	}
	return r, nil
}

func main() {
	handler, err := routes(map[string]string{
		"saleslab":    os.Getenv("SALESLAB_SIGNING_SECRET"),
		"salesos":     os.Getenv("SALESOS_WEBHOOK_SECRET"),
		"salesbooth":  os.Getenv("SALESBOOTH_WEBHOOK_SECRET"),
		"salescaling": os.Getenv("SALESCALING_TOKEN"),
	}, store.NewMemory(0))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), handler))
}
