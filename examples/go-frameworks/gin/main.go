// A gin receiver for the four seed providers, one path each. gin's handlers are
// gin.HandlerFunc, not net/http middleware: the adapter module
// github.com/hookseal/hookseal/go/gin gives hookseal's middleware in that form, and
// answers 401/400/413 itself; the typed event router of each provider (internal/routes)
// is the handler, through gin.WrapH.
//
//	SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//	SALESCALING_TOKEN=… PORT=3000 go run ./gin
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/hookseal-frameworks/internal/routes"
	"github.com/gin-gonic/gin"
	hookseal "github.com/hookseal/hookseal/go"
	hooksealgin "github.com/hookseal/hookseal/go/gin"
	"github.com/hookseal/hookseal/go/store"
)

func serve(secrets map[string]string, claims store.Store) (*gin.Engine, error) {
	r := gin.New()
	r.Use(gin.Recovery()) // a panic releases the claim, then answers 500
	for provider, secret := range secrets {
		v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets(secret))
		if err != nil {
			return nil, err
		}
		r.POST("/"+provider, hooksealgin.MiddlewareWithStore(v, claims, 0), gin.WrapH(routes.For(provider)))
	}
	return r, nil
}

func main() {
	r, err := serve(map[string]string{
		"saleslab":    os.Getenv("SALESLAB_SIGNING_SECRET"),
		"salesos":     os.Getenv("SALESOS_WEBHOOK_SECRET"),
		"salesbooth":  os.Getenv("SALESBOOTH_WEBHOOK_SECRET"),
		"salescaling": os.Getenv("SALESCALING_TOKEN"),
	}, store.NewMemory(0))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), r))
}
