package events

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/internal/receive"
)

// Handler handles one kind's deliveries: e is the delivery's typed event. What it
// answers is the delivery's answer (a handler that writes nothing is answered 200
// {"received":true}); behind MiddlewareWithStore, a 2xx completes the claim and
// anything else releases it.
type Handler func(w http.ResponseWriter, r *http.Request, e Event)

// Router is an http.Handler that runs a handler per event kind, for one provider,
// behind hookseal's Middleware or MiddlewareWithStore (the store's claim wraps it, so a
// delivery is routed once):
//
//	router := events.NewRouter("salesos")
//	events.On(router, func(w http.ResponseWriter, r *http.Request, e *salesos.DealWon) { … })
//	router.On(salesos.KindDealLost, func(w http.ResponseWriter, r *http.Request, e events.Event) { … })
//	http.Handle("POST /hooks/salesos", v.MiddlewareWithStore(claims, 0, router))
//
// A kind with no handler (and no Otherwise) is acknowledged, 200 {"received":true}, so
// the provider does not retry what this receiver chose not to handle (as in Node and
// Python). A payload Parse
// rejects (not JSON; with WithValidation, off-schema) is answered 400 invalid_payload
// naming the JSON path, and no handler runs.
type Router struct {
	provider  string
	kinds     []string
	routes    map[string]Handler
	otherwise Handler
	opts      []Option
}

// NewRouter is a router of provider's deliveries (a scheme id; for saleslab, salesos,
// salesbooth and salescaling, On takes only the kinds of its schema), parsed with opts.
func NewRouter(provider string, opts ...Option) *Router {
	return &Router{provider: provider, kinds: Kinds(provider), routes: map[string]Handler{}, opts: opts}
}

// On routes kind to h. A kind the provider's schema does not list, or one already
// routed, panics (as http.ServeMux does for a conflicting pattern): Otherwise takes the
// kinds no schema lists.
func (rt *Router) On(kind string, h Handler) *Router {
	if rt.kinds != nil && !slices.Contains(rt.kinds, kind) {
		panic(fmt.Sprintf("events: %q is not a %s event kind (core/events/%s.json); Otherwise takes the kinds the schema does not list", kind, rt.provider, rt.provider))
	}
	if _, dup := rt.routes[kind]; dup {
		panic("events: " + kind + " already has a handler")
	}
	if h == nil {
		panic("events: a route needs a handler")
	}
	rt.routes[kind] = h
	return rt
}

// On routes the kind of E to h, which takes E itself: the kind comes from the type
// (*salesos.DealWon routes deal.won), so handler and kind cannot disagree.
func On[E Event](rt *Router, h func(w http.ResponseWriter, r *http.Request, e E)) *Router {
	var zero E // a nil *<Type>: its Kind and Provider read no field
	if _, generic := any(zero).(*Generic); generic {
		panic("events: On takes a provider package's event type; Router.Otherwise takes the rest")
	}
	if zero.Provider() != rt.provider {
		panic(fmt.Sprintf("events: a %s router cannot route %s's %s", rt.provider, zero.Provider(), zero.Kind()))
	}
	return rt.On(zero.Kind(), func(w http.ResponseWriter, r *http.Request, e Event) { h(w, r, e.(E)) })
}

// Otherwise handles every delivery no On matched (kinds the schema does not list too).
func (rt *Router) Otherwise(h Handler) *Router {
	rt.otherwise = h
	return rt
}

// ServeHTTP routes the verified delivery of r (hookseal.FromContext).
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	verified, ok := hookseal.FromContext(r.Context())
	if !ok || verified.Scheme != rt.provider {
		// A wiring mistake, not the provider's: 500, so the delivery is retried once fixed.
		receive.Reject(w, "internal", fmt.Sprintf("the %s router runs behind the Middleware of a %s verifier", rt.provider, rt.provider), 0)
		return
	}
	event, err := Parse(verified, rt.opts...)
	if err != nil {
		var e *hookseal.Error
		if !errors.As(err, &e) {
			e = &hookseal.Error{Code: "internal", Message: err.Error()}
		}
		receive.Reject(w, e.Code, e.Message, 0)
		return
	}
	h := rt.routes[event.Kind()]
	if h == nil {
		h = rt.otherwise
	}
	if h == nil {
		received(w)
		return
	}
	tw := &tracked{ResponseWriter: w}
	h(tw, r, event)
	if !tw.wrote {
		received(w)
	}
}

// received acknowledges a delivery: 200 {"received":true}.
func received(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write([]byte(`{"received":true}`))
}

// tracked knows whether a handler answered. Unwrap lets http.ResponseController reach
// the writer's Flush, Hijack and deadlines.
type tracked struct {
	http.ResponseWriter
	wrote bool
}

func (t *tracked) WriteHeader(status int) {
	t.wrote = true
	t.ResponseWriter.WriteHeader(status)
}

func (t *tracked) Write(b []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(b)
}

func (t *tracked) Unwrap() http.ResponseWriter { return t.ResponseWriter }
