// Package routes is the handler the three receivers share: one typed event router per
// provider (github.com/hookseal/hookseal/go/events), an http.Handler that chi takes as
// it is, echo through echo.WrapHandler and gin through gin.WrapH.
package routes

import (
	"log"
	"net/http"

	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/salesbooth"
	"github.com/hookseal/hookseal/go/events/salescaling"
	"github.com/hookseal/hookseal/go/events/saleslab"
	"github.com/hookseal/hookseal/go/events/salesos"
)

// For is provider's router: a handler for one kind, typed by the struct of its schema;
// every other kind is acknowledged (200 {"received":true}, as a handler that writes
// nothing is).
func For(provider string) *events.Router {
	r := events.NewRouter(provider)
	switch provider {
	case saleslab.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *saleslab.BadgeAwarded) {
			log.Printf("saleslab: %s earned a badge", e.UserID)
		})
	case salesos.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salesos.DealWon) {
			log.Printf("salesos: deal %s won", events.Deref(e.Data.ID))
		})
	case salesbooth.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salesbooth.DealCreated) {
			log.Printf("salesbooth: a deal for tenant %s", e.TenantID)
		})
	case salescaling.Provider:
		events.On(r, func(w http.ResponseWriter, req *http.Request, e *salescaling.MeetingStatusChanged) {
			log.Printf("salescaling: meeting %s", events.Deref(e.Status))
		})
	}
	return r
}
