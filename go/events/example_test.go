package events_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/salesos"
	"github.com/hookseal/hookseal/go/store"
)

func ExampleParse() {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("whsec_x"))
	defer v.Close()
	body := []byte(`{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"deal_42","value":12000}}`)
	headers, _ := hookseal.Sign("salesos", "whsec_x", body)
	verified, _ := v.Verify(body, headers)

	event, err := events.Parse(&verified)
	if err != nil {
		panic(err) // invalid_payload: not JSON, or a field of the wrong type
	}
	switch e := event.(type) {
	case *salesos.DealWon:
		fmt.Println("won", *e.Data.ID, events.Deref(e.Data.Value), events.Deref(e.Data.Stage) == "")
	case *events.Generic: // a kind the schema does not list
		fmt.Println(e.Kind(), e.Payload)
	}
	// Output: won deal_42 12000 true
}

func ExampleWithValidation() {
	body := []byte(`{"id":"evt_1","type":"deal.won","data":{"id":"deal_42","value":"12000"}}`)
	_, err := salesos.Parse(salesos.KindDealWon, body, events.WithValidation())
	var e *events.Error
	fmt.Println(errors.Is(err, hookseal.ErrInvalidPayload), errors.As(err, &e) && e.Path == "$.created_at")
	fmt.Println(err)
	// Output:
	// true true
	// hookseal: invalid_payload: the deal.won payload does not match its schema: $.created_at is missing
}

func ExampleRouter() {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("whsec_x"))
	defer v.Close()

	router := events.NewRouter("salesos", events.WithValidation())
	events.On(router, func(w http.ResponseWriter, r *http.Request, e *salesos.DealWon) {
		fmt.Fprintf(w, "closing %s", *e.Data.ID)
	})
	handler := v.MiddlewareWithStore(store.NewMemory(0), 0, router)

	for _, body := range []string{
		`{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"deal_42"}}`,
		`{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"deal_42"}}`, // a retry
		`{"id":"evt_2","type":"lead.created","created_at":"2026-01-05T10:00:00Z","data":{}}`,           // unrouted
		`{"id":"evt_3","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":42}}`,        // off-schema
	} {
		req := httptest.NewRequest(http.MethodPost, "/hooks/salesos", strings.NewReader(body))
		req.Header, _ = hookseal.Sign("salesos", "whsec_x", []byte(body))
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 closing deal_42
	// 200 {"duplicate":true}
	// 200 {"received":true}
	// 400 {"error":"invalid_payload","message":"the deal.won payload does not match its schema: $.data.id must be a string, not a number"}
}
