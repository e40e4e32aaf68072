// An echo receiver for the four seed providers, one path each. echo takes net/http
// middleware through echo.WrapMiddleware: hookseal's Verifier.Middleware (or, with
// de-duplication, MiddlewareWithStore in a closure) answers 401/400/413 itself.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run ./echo
package main

import (
	"log"
	"net/http"
	"os"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
	"github.com/labstack/echo/v5"
)

func received(c *echo.Context) error {
	delivery, _ := hookseal.FromContext(c.Request().Context())
	log.Printf("%s %s %s", delivery.Scheme, delivery.Kind(), delivery.IdempotencyKey())
	return c.JSON(http.StatusOK, map[string]bool{"received": true})
}

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

func routes(secrets map[string]string, claims store.Store, handler echo.HandlerFunc) (*echo.Echo, error) {
	e := echo.New()
	for provider, secret := range secrets {
		v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			return nil, err
		}
		dedup := func(next http.Handler) http.Handler { return v.MiddlewareWithStore(claims, 0, next) }
		e.POST("/"+provider, handler, echo.WrapMiddleware(dedup), answerErrors)
	}
	return e, nil
}

func main() {
	e, err := routes(map[string]string{
		"saleslab":    os.Getenv("SALESLAB_SIGNING_SECRET"),
		"salesos":     os.Getenv("SALESOS_WEBHOOK_SECRET"),
		"salesbooth":  os.Getenv("SALESBOOTH_WEBHOOK_SECRET"),
		"salescaling": os.Getenv("SALESCALING_TOKEN"),
	}, store.NewMemory(0), received)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), e))
}
