// A chi receiver for the four seed providers, one path each. chi takes net/http
// middleware as it is: hookseal's Verifier.Middleware (func(http.Handler) http.Handler)
// goes into r.With or r.Use, and answers 401/400/413 itself; the typed event router of
// each provider (internal/routes) is the handler.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run ./chi
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/hookseal-frameworks/internal/routes"
	"github.com/go-chi/chi/v5"
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func serve(secrets map[string]string, claims store.Store) (http.Handler, error) {
	r := chi.NewRouter()
	for provider, secret := range secrets {
		v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			return nil, err
		}
		// Verifier.Middleware is chi middleware as it is; with de-duplication, a closure:
		dedup := func(next http.Handler) http.Handler { return v.MiddlewareWithStore(claims, 0, next) }
		r.With(dedup).Method(http.MethodPost, "/"+provider, routes.For(provider))
	}
	return r, nil
}

func main() {
	handler, err := serve(map[string]string{
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
