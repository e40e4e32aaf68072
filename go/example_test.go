package hookseal_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func ExampleNewVerifier() {
	v, err := hookseal.NewVerifier("salesbooth",
		hookseal.WithSecrets("whsec_new", "whsec_old"), // during a rotation
		hookseal.WithTolerance(5*time.Minute))
	if err != nil {
		panic(err)
	}
	defer v.Close()
	fmt.Println(v.Scheme(), v.HeaderNames(), v.MaxBody())
	// Output: salesbooth [x-salesbooth-signature x-salesbooth-timestamp] 1048576
}

func ExampleVerifier_VerifyAt() {
	body := []byte(`{"event":"deal.created","tenant_id":"tenant_abc123","data":{}}`)
	headers, _ := hookseal.Sign("salesbooth", "whsec_old", body, hookseal.WithTimestamp(time.Unix(1_700_000_000, 0)))

	v, _ := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_new", "whsec_old"))
	defer v.Close()
	verified, err := v.VerifyAt(body, headers, time.Unix(1_700_000_100, 0))
	fmt.Println(err, verified.SecretIndex, verified.Kind(), verified.Tenant())

	_, err = v.VerifyAt([]byte(`{}`), headers, time.Unix(1_700_000_100, 0))
	fmt.Println(errors.Is(err, hookseal.ErrSignatureMismatch))
	// Output:
	// <nil> 1 deal.created tenant_abc123
	// true
}

func ExampleVerifier_Verify() {
	body := []byte(`{"id":"evt_1","type":"deal.won","data":{}}`)
	headers, _ := hookseal.Sign("salesos", "whsec_x", body)

	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("whsec_x"))
	defer v.Close()
	verified, err := v.Verify(body, headers)
	fmt.Println(err, verified.EventID(), verified.IdempotencyKey())
	// Output: <nil> evt_1 evt_1
}

func ExampleVerifier_Middleware() {
	v, _ := hookseal.NewVerifier("saleslab", hookseal.WithSecrets("sl_secret"))
	defer v.Close()
	handler := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		verified, _ := hookseal.FromContext(r.Context())
		body, _ := io.ReadAll(r.Body) // restored for the handler
		fmt.Fprintf(w, "%s %d bytes", verified.Kind(), len(body))
	}))

	body := `{"event_kind":"badge.awarded"}`
	req := httptest.NewRequest(http.MethodPost, "/webhooks/saleslab", strings.NewReader(body))
	req.Header, _ = hookseal.Sign("saleslab", "sl_secret", []byte(body))
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())

	req = httptest.NewRequest(http.MethodPost, "/webhooks/saleslab", strings.NewReader(body))
	rec = httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// 200 badge.awarded 30 bytes
	// 400 {"error":"missing_signature","message":"header x-saleslab-signature is missing"}
}

func ExampleFromContext() {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("s"))
	defer v.Close()
	body := `{"id":"evt_9","type":"lead.created"}`
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header, _ = hookseal.Sign("salesos", "s", []byte(body))
	v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		verified, ok := hookseal.FromContext(r.Context())
		fmt.Println(ok, verified.Envelope().Kind)
	})).ServeHTTP(httptest.NewRecorder(), req)
	// Output: true lead.created
}

func ExampleSign() {
	h, _ := hookseal.Sign("salesbooth", "whsec_test", []byte("{}"), hookseal.WithTimestamp(time.Unix(1_700_000_000, 0)))
	fmt.Println(h.Get("X-Salesbooth-Timestamp"), strings.HasPrefix(h.Get("X-Salesbooth-Signature"), "v1="))
	// Output: 1700000000 true
}

func ExampleDetect() {
	fmt.Println(hookseal.Detect(http.Header{"Stripe-Signature": {"t=1,v1=00"}}))
	// Output: stripe
}

func ExampleError() {
	v, _ := hookseal.NewVerifier("saleslab", hookseal.WithSecrets("s"))
	defer v.Close()
	_, err := v.Verify([]byte("{}"), http.Header{"X-Saleslab-Signature": {"sha256=zz"}})
	var e *hookseal.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Status)
	}
	// Output: malformed_signature 400
}

func ExampleVerifier_MiddlewareWithStore() {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("s"))
	defer v.Close()
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "processed ", hookseal.DeliveryKey(r))
	})
	handler := v.MiddlewareWithStore(store.NewMemory(0), 0, next, store.WithLease(2*time.Minute))
	body := `{"id":"evt_7","type":"deal.won"}`
	headers, _ := hookseal.Sign("salesos", "s", []byte(body))
	for range 2 { // the provider retries: the second delivery is a duplicate
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header = headers
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 processed salesos:evt_7
	// 200 {"duplicate":true}
}

// A provider hookseal does not know yet is configuration: here, base64 HMAC over
// "<timestamp>.<body>" in X-Webhook-Signature, the timestamp in X-Webhook-Timestamp.
func Example_customScheme() {
	opts := []hookseal.Option{
		hookseal.WithHeader("X-Webhook-Signature"), hookseal.WithPrefix("v1="),
		hookseal.WithEncoding("base64"), hookseal.WithContent("ts.body"),
		hookseal.WithTimestampHeader("X-Webhook-Timestamp"),
	}
	headers, _ := hookseal.Sign("custom", "k_live", []byte("{}"),
		append(opts, hookseal.WithTimestamp(time.Unix(1_700_000_000, 0)))...)

	v, _ := hookseal.NewVerifier("custom", append(opts, hookseal.WithSecrets("k_live"),
		hookseal.WithTolerance(10*time.Minute), hookseal.WithMaxBody(64<<10))...)
	defer v.Close()
	_, err := v.VerifyAt([]byte("{}"), headers, time.Unix(1_700_000_500, 0))
	fmt.Println(err, v.HeaderNames())

	replay, _ := hookseal.NewVerifier("custom", append(opts, hookseal.WithSecrets("k_live"), hookseal.WithoutTolerance())...)
	defer replay.Close()
	_, err = replay.Verify([]byte("{}"), headers)
	fmt.Println(err)
	// Output:
	// <nil> [x-webhook-signature x-webhook-timestamp]
	// <nil>
}

// Salescaling sends a shared token; the header and prefix are configurable.
func ExampleWithHeader() {
	v, _ := hookseal.NewVerifier("salescaling", hookseal.WithSecrets("sc_tok"),
		hookseal.WithHeader("X-Salescaling-Token"), hookseal.WithPrefix(""))
	defer v.Close()
	_, err := v.Verify(nil, http.Header{"X-Salescaling-Token": {"sc_tok"}})
	fmt.Println(err)
	// Output: <nil>
}
