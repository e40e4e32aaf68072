package events_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/salesos"
)

// verify signs body for provider and verifies it, as a receiver would.
func verify(t testing.TB, provider string, body []byte) *hookseal.Verified {
	t.Helper()
	v, err := hookseal.NewVerifier(provider, hookseal.WithSecrets("whsec_events"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = v.Close() })
	h, err := hookseal.Sign(provider, "whsec_events", body)
	if err != nil {
		t.Fatal(err)
	}
	verified, err := v.Verify(body, h)
	if err != nil {
		t.Fatal(err)
	}
	return &verified
}

// Every kind's sample goes sign -> verify -> Parse with validation, gives its kind's
// type, and holds every field: its JSON is the sample.
func TestEverySampleRoundTrips(t *testing.T) {
	all := samples(t)
	if len(all) < 180 {
		t.Fatalf("%d samples", len(all))
	}
	for _, s := range all {
		body, _ := json.Marshal(s.payload)
		verified := verify(t, s.provider, body)
		if verified.Kind() != s.kind {
			t.Fatalf("%s %s: the envelope's kind is %q", s.provider, s.kind, verified.Kind())
		}
		e, err := events.Parse(verified, events.WithValidation())
		if err != nil {
			t.Fatalf("%s %s: %v", s.provider, s.kind, err)
		}
		if _, generic := e.(*events.Generic); generic || e.Kind() != s.kind || e.Provider() != s.provider ||
			reflect.TypeOf(e).Elem().Name() != s.typ {
			t.Fatalf("%s %s: %T (%s, %s)", s.provider, s.kind, e, e.Kind(), e.Provider())
		}
		again, _ := json.Marshal(e)
		if !reflect.DeepEqual(clone(s.payload), unmarshal(t, again)) {
			t.Errorf("%s %s: the typed value lost or changed a field:\n sample %s\n  typed %s", s.provider, s.kind, body, again)
		}
	}
}

func unmarshal(t testing.TB, b []byte) any {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Each place the schema types, given a value of another type, is invalid_payload with
// validation, naming that place's JSON path.
func TestValidationNamesEveryTypedPath(t *testing.T) {
	checked := 0
	for _, s := range samples(t) {
		for _, l := range typedLeaves(s.schema, s.defs, nil, "$", nil) {
			payload := clone(s.payload).(map[string]any)
			wrong := any(7.0)
			if l.typ == "number" || l.typ == "integer" {
				wrong = "s3cr3t-value"
			}
			set(payload, l.keys, wrong)
			body, _ := json.Marshal(payload)
			_, err := events.ParseBody(s.provider, s.kind, body, events.WithValidation())
			var e *events.Error
			if !errors.As(err, &e) || e.Path != l.path || !errors.Is(err, hookseal.ErrInvalidPayload) {
				t.Fatalf("%s %s %s: %v", s.provider, s.kind, l.path, err)
			}
			if strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), "7") {
				t.Fatalf("%s %s: the message holds the value: %v", s.provider, s.kind, err)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Fatalf("only %d typed paths", checked)
	}
}

const dealWon = `{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"d_1","value":12000,"stage":"Closed Won"}}`

func TestParseInvalidPayload(t *testing.T) {
	for _, c := range []struct {
		name, body, message string
		validate            bool
		path                string
	}{
		{"not JSON", `{"id":`, "the body ($) is not JSON", false, "$"},
		{"not JSON, validated", `{"id":`, "the body ($) is not JSON", true, "$"},
		{"a field of the wrong type", strings.Replace(dealWon, `12000`, `"12000"`, 1),
			"the deal.won payload does not match its schema: $.data.value must be a number, not a string", false, "$.data.value"},
		{"a required field missing", strings.Replace(dealWon, `"created_at":"2026-01-05T10:00:00Z",`, ``, 1),
			"the deal.won payload does not match its schema: $.created_at is missing", true, "$.created_at"},
		{"a const broken", strings.Replace(dealWon, `"type":"deal.won"`, `"type":"deal.lost"`, 1),
			`the deal.won payload does not match its schema: $.type must be "deal.won"`, true, "$.type"},
		{"an object that is an array", `{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":[]}`,
			"the deal.won payload does not match its schema: $.data must be an object, not an array", true, "$.data"},
		{"an object that is an array, not validated", `{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":[]}`,
			"the deal.won payload does not match its schema: $.data must be an object, not an array", false, "$.data"},
	} {
		var opts []events.Option
		if c.validate {
			opts = append(opts, events.WithValidation())
		}
		_, err := salesos.Parse("deal.won", []byte(c.body), opts...)
		var he *hookseal.Error
		var pe *events.Error
		if !errors.As(err, &he) || he.Code != "invalid_payload" || he.Status != 400 || he.Message != c.message ||
			!errors.As(err, &pe) || pe.Path != c.path {
			t.Errorf("%s: %v (%+v)", c.name, err, he)
		}
	}
}

func TestParseIsForwardCompatible(t *testing.T) {
	// An extra field, at the top and inside data, never fails.
	extra := strings.Replace(dealWon, `"data":{`, `"new_top":1,"data":{"new_field":[1,2],`, 1)
	e, err := events.Parse(verify(t, "salesos", []byte(extra)), events.WithValidation())
	won, ok := e.(*salesos.DealWon)
	if err != nil || !ok || *won.Data.ID != "d_1" || *won.Data.Value != 12000 {
		t.Fatalf("%T %v", e, err)
	}
	// A kind the schema does not list is the generic form, never an error.
	e, err = events.Parse(verify(t, "salesos", []byte(`{"id":"evt_2","type":"deal.archived","data":{"x":1}}`)), events.WithValidation())
	g, ok := e.(*events.Generic)
	if err != nil || !ok || g.Kind() != "deal.archived" || g.Provider() != "salesos" || g.Payload["data"].(map[string]any)["x"] != 1.0 {
		t.Fatalf("%T %+v %v", e, e, err)
	}
	// So is every delivery of a provider without schemas.
	e, err = events.ParseBody("stripe", "charge.succeeded", []byte(`{"type":"charge.succeeded"}`), events.WithValidation())
	if g, ok := e.(*events.Generic); err != nil || !ok || g.Kind() != "charge.succeeded" {
		t.Fatalf("%T %v", e, err)
	}
}

func TestKinds(t *testing.T) {
	for provider, n := range map[string]int{"salesos": 18, "salescaling": 3, "saleslab": 13, "salesbooth": 148, "stripe": 0} {
		if got := len(events.Kinds(provider)); got != n {
			t.Errorf("%s: %d kinds, want %d", provider, got, n)
		}
	}
}
