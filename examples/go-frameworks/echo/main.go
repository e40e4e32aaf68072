// An echo receiver for the four seed providers, one path each. echo takes net/http
// middleware through echo.WrapMiddleware: hookseal's Verifier.Middleware (or, with
// de-duplication, MiddlewareWithStore in a closure) answers 401/400/413 itself; the typed
// event router of each provider (internal/routes) is the handler, through echo.WrapHandler.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run ./echo
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/hookseal-frameworks/internal/routes"
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
	"github.com/labstack/echo/v5"
)

// answerErrors answers a handler's error where the store sees it: echo writes a
// returned error only after every middleware has returned, when the claim would
// already be completed as a 200 (and the provider's retry answered as a duplicate).
func answerErrors(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		if err := next(c); err != nil {
			c.Echo().HTTPErrorHandler(c, err)
		}
		return nil
	}
}

// typed is each provider's typed event router as an echo handler.
func typed(provider string) echo.HandlerFunc { return echo.WrapHandler(routes.For(provider)) }

func serve(secrets map[string]string, claims store.Store, handler func(provider string) echo.HandlerFunc) (*echo.Echo, error) {
	e := echo.New()
	for provider, secret := range secrets {
		v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			return nil, err
		}
		dedup := func(next http.Handler) http.Handler { return v.MiddlewareWithStore(claims, 0, next) }
		e.POST("/"+provider, handler(provider), echo.WrapMiddleware(dedup), answerErrors)
	}
	return e, nil
}

func main() {
	e, err := serve(map[string]string{
		"saleslab":    os.Getenv("SALESLAB_SIGNING_SECRET"),
		"salesos":     os.Getenv("SALESOS_WEBHOOK_SECRET"),
		"salesbooth":  os.Getenv("SALESBOOTH_WEBHOOK_SECRET"),
		"salescaling": os.Getenv("SALESCALING_TOKEN"),
	}, store.NewMemory(0), typed)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), e))
}
