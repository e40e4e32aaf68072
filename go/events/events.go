// Package events gives a verified delivery of SalesLab, SalesOS, Salesbooth or
// Salescaling as a Go value of its kind's type, generated from the core's schemas
// (core/events/, docs/events.md), and routes deliveries by kind.
//
//	event, err := events.Parse(verified)            // *salesos.DealWon for a deal.won
//	switch e := event.(type) {
//	case *salesos.DealWon:
//		log.Print(e.Data.ID)
//	case *events.Generic:                           // a kind the schema does not list
//		log.Print(e.Kind(), e.Payload)
//	}
//
// Each provider's types are a package of their own (events/salesos, events/saleslab,
// events/salesbooth, events/salescaling) with the kinds as constants (salesos.KindDealWon)
// and a Parse(kind, body) of its own. A kind the schema does not list, and every
// delivery of a provider without schemas (stripe, github, custom), is *Generic: never an
// error. Fields the schema does not name are ignored, never an error.
package events

import (
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/events/internal/kit"
	"github.com/hookseal/hookseal/go/events/salesbooth"
	"github.com/hookseal/hookseal/go/events/salescaling"
	"github.com/hookseal/hookseal/go/events/saleslab"
	"github.com/hookseal/hookseal/go/events/salesos"
)

// Event is a parsed delivery: a provider package's *<Type> (*salesos.DealWon) for a
// kind its schema lists, *Generic for any other. Kind is the verified envelope's kind,
// Provider the scheme id.
type Event = kit.Event

// Generic is a delivery of a kind no schema lists: Payload is the body as encoding/json
// gives a JSON object (map[string]any).
type Generic = kit.Generic

// Error is invalid_payload: errors.Is(err, hookseal.ErrInvalidPayload) holds,
// errors.As gives the *hookseal.Error (Code, Status 400, Message) and this, whose Path is
// the JSON path of the first mismatch ($.data.amount). No message holds a payload's value.
type Error = kit.Error

// Option configures Parse (and a Router).
type Option = kit.Option

// WithValidation checks each payload against its kind's schema before decoding it (the
// schemas are embedded in the provider packages): a payload that breaks it (a required
// field missing, a field of the wrong type, a value its enumeration does not hold) is
// invalid_payload naming the JSON path. Without it, only what does not decode into the
// kind's type (not JSON, a string where a number goes) is.
func WithValidation() Option { return func(c *kit.Config) { c.Validate = true } }

// providers are the providers with schemas, by scheme id: their Parse and kinds.
var providers = map[string]struct {
	parse func(kind string, body []byte, opts ...kit.Option) (kit.Event, error)
	kinds []string
}{
	saleslab.Provider:    {saleslab.Parse, saleslab.Kinds},
	salesos.Provider:     {salesos.Parse, salesos.Kinds},
	salesbooth.Provider:  {salesbooth.Parse, salesbooth.Kinds},
	salescaling.Provider: {salescaling.Parse, salescaling.Kinds},
}

// Parse is the typed event of a verified delivery: its body parsed once with
// encoding/json into the type of its envelope's kind (v.Kind()) in its scheme's package.
func Parse(v *hookseal.Verified, opts ...Option) (Event, error) {
	return ParseBody(v.Scheme, v.Kind(), v.Body, opts...)
}

// ParseBody is Parse of a body whose scheme and kind are known (a delivery verified
// elsewhere, or stored).
func ParseBody(scheme, kind string, body []byte, opts ...Option) (Event, error) {
	if p, ok := providers[scheme]; ok {
		return p.parse(kind, body, opts...)
	}
	return kit.NewGeneric(scheme, kind, body)
}

// Kinds are the kinds of provider's schema, in its order (nil for a provider without).
func Kinds(provider string) []string { return providers[provider].kinds }

// Deref is *p, or the zero value for nil: the generated types make a field the schema
// does not require a pointer (nil when the delivery left it out).
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
