// Package kit is what the generated provider packages share: the Event interface, the
// generic form of a kind no schema lists, the options, decoding with its errors, and
// the validator. The events package re-exports its types; the provider packages import
// it, so that events can import them without a cycle.
package kit

import (
	"encoding/json"
	"errors"
	"strings"

	hookseal "github.com/hookseal/hookseal/go"
)

// Event is a parsed delivery: a provider package's *<Type> for a kind its schema lists,
// *Generic for any other.
type Event interface {
	// Kind is the delivery's kind (the verified envelope's).
	Kind() string
	// Provider is the scheme id of its provider.
	Provider() string
}

// Generic is a delivery of a kind the provider's schema does not list (or of a provider
// without schemas): its payload as encoding/json gives a JSON object.
type Generic struct {
	kind, provider string
	// Payload is the body, parsed.
	Payload map[string]any
}

// Kind is the delivery's kind ("" when the envelope has none).
func (g *Generic) Kind() string { return g.kind }

// Provider is the scheme id of its provider.
func (g *Generic) Provider() string { return g.provider }

// NewGeneric is the generic form of body for provider and kind.
func NewGeneric(provider, kind string, body []byte) (*Generic, error) {
	g := &Generic{kind: kind, provider: provider}
	if err := json.Unmarshal(body, &g.Payload); err != nil {
		return nil, decodeError(kind, err)
	}
	if g.Payload == nil {
		return nil, PayloadError(kind, "$", "must be an object, not null")
	}
	return g, nil
}

// Option configures parsing.
type Option func(*Config)

// Config is what the options set.
type Config struct {
	// Validate checks the payload against its kind's schema.
	Validate bool
}

// Configure applies opts.
func Configure(opts []Option) Config {
	var c Config
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Decode fills v (a new *<Type> of kind) from body; with validation, the payload is
// checked against the kind's schema first.
func Decode[E Event](s *Schema, kind string, body []byte, v E, opts []Option) (Event, error) {
	if Configure(opts).Validate {
		if err := s.Validate(kind, body); err != nil {
			return nil, err
		}
	}
	if err := json.Unmarshal(body, v); err != nil {
		return nil, decodeError(kind, err)
	}
	return v, nil
}

// Unknown is the generic form of a kind s does not list (never checked: there is no
// schema to check it against).
func Unknown(s *Schema, kind string, body []byte) (Event, error) {
	return NewGeneric(s.provider, kind, body)
}

// Error is invalid_payload: an *hookseal.Error (errors.Is(err,
// hookseal.ErrInvalidPayload); errors.As for Code, Status, Message) that also names the
// JSON path where the payload went wrong. Its message never holds a value of the payload.
type Error struct {
	// Path is the JSON path of the first mismatch ($, $.data.amount, $.items[0]).
	Path string
	err  *hookseal.Error
}

func (e *Error) Error() string { return e.err.Error() }

// Unwrap is the *hookseal.Error with code invalid_payload.
func (e *Error) Unwrap() error { return e.err }

// PayloadError is invalid_payload at path of a kind's payload, for why.
func PayloadError(kind, path, why string) error {
	var base *hookseal.Error
	if !errors.As(hookseal.ErrInvalidPayload, &base) {
		panic("kit: hookseal.ErrInvalidPayload is no *hookseal.Error")
	}
	e := *base
	what := "the payload"
	if kind != "" {
		what = "the " + kind + " payload"
	}
	e.Message = what + " does not match its schema: " + path + " " + why
	if path == "$" && strings.HasPrefix(why, "is not JSON") {
		e.Message = "the body ($) is not JSON"
	}
	return &Error{Path: path, err: &e}
}

// decodeError is invalid_payload for what encoding/json could not decode.
func decodeError(kind string, err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		// Value is "string", "number", "number 7.5", ...: the JSON type, never the value.
		got, _, _ := strings.Cut(typeErr.Value, " ")
		return PayloadError(kind, fieldPath(typeErr.Field), "must be "+aType(goKind(typeErr.Type.Kind().String()))+", not "+aType(got))
	}
	return PayloadError(kind, "$", "is not JSON")
}

// fieldPath is encoding/json's dotted Field ("data.amount") as a JSON path.
func fieldPath(field string) string {
	path := "$"
	if field == "" {
		return path
	}
	for _, name := range strings.Split(field, ".") {
		path = member(path, name)
	}
	return path
}

// goKind is the JSON type a Go kind holds.
func goKind(k string) string {
	switch {
	case k == "string":
		return "string"
	case k == "bool":
		return "boolean"
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "uint"):
		return "integer"
	case strings.HasPrefix(k, "float"):
		return "number"
	case k == "slice", k == "array":
		return "array"
	}
	return "object"
}
