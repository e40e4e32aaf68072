package hookseal

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// The Go table is the core's: every code of the receive contract, with its status, and
// nothing else; every status number the C library names maps to its own code.
func TestCodeTableIsTheCoreOne(t *testing.T) {
	core := ReceiveContract().Replies
	if len(byCode) != len(core) {
		t.Fatalf("Go knows %d codes, the core answers %d", len(byCode), len(core))
	}
	for code, r := range core {
		e, ok := byCode[code]
		if !ok || e.Code != code || e.Status != r.Status {
			t.Errorf("%s: Go has %+v, the core %d", code, e, r.Status)
		}
	}
	for n, e := range byStatus {
		if got := engine.StatusCode(n); got != e.Code {
			t.Errorf("status %d is %s in C, %s in Go", n, got, e.Code)
		}
		if err := statusError(engine.Failure{Status: n}).(*Error); err.Code != e.Code || err.Status != core[e.Code].Status {
			t.Errorf("status %d: statusError gives %+v", n, err)
		}
	}
	if len(byStatus) == 0 {
		t.Fatal("no status numbers")
	}
	// The generated sentinels: one per code of the core, each its status.
	seen := map[string]bool{}
	for _, err := range sentinels {
		e := err.(*Error)
		if seen[e.Code] || core[e.Code].Status != e.Status {
			t.Errorf("sentinel %s", e.Code)
		}
		seen[e.Code] = true
	}
	if len(seen) != len(core) {
		t.Errorf("%d sentinels for %d codes of the core", len(seen), len(core))
	}
	// The ABI's own numbers (invalid_argument, a caught panic) are no verification code.
	if e := statusError(engine.Failure{Status: engine.StatusInvalidArgument}).(*Error); e.Code != "internal" || e.Status != 500 {
		t.Errorf("invalid_argument: %+v", e)
	}
}

func TestReceiveContractDefaults(t *testing.T) {
	c := ReceiveContract()
	if c.Lease() != time.Minute || c.TTL() != 30*24*time.Hour || c.StoreRetryAfterSeconds != 5 {
		t.Fatalf("lease %v, ttl %v, store retry %d", c.Lease(), c.TTL(), c.StoreRetryAfterSeconds)
	}
	if s, ok := c.Reply("delivery_in_progress").RetryAfter.Header(1001 * time.Millisecond); !ok || s != 2 {
		t.Fatalf("lease left 1.001 s: Retry-After %d", s)
	}
	if s, _ := c.Reply("delivery_in_progress").RetryAfter.Header(0); s != 1 {
		t.Fatalf("lease left 0: Retry-After %d, want at least 1", s)
	}
	if !c.Reply("signature_mismatch").RetryAfter.Never() {
		t.Fatal("a 401 carries no Retry-After")
	}
}

func TestErrorsMatchWithErrorsIsAndAs(t *testing.T) {
	v, err := NewVerifier("salesbooth", WithSecrets("whsec_test"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	h, _ := Sign("salesbooth", "whsec_test", []byte("{}"), WithTimestamp(time.Unix(1_700_000_000, 0)))
	_, err = v.VerifyAt([]byte("{}"), h, time.Unix(1_700_000_301, 0))
	if !errors.Is(err, ErrTimestampTooOld) || errors.Is(err, ErrTimestampTooNew) {
		t.Fatalf("got %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Status != 400 || e.Message == "" {
		t.Fatalf("got %#v", e)
	}
	if _, err := v.VerifyAt([]byte("{}"), h, time.Unix(1_700_000_300, 0)); err != nil {
		t.Fatalf("exactly the tolerance is accepted: %v", err)
	}
}

func TestConstructionErrors(t *testing.T) {
	cases := []struct {
		scheme string
		opts   []Option
		want   error
	}{
		{"nope", []Option{WithSecrets("s")}, ErrUnknownScheme},
		{"saleslab", nil, ErrInvalidSecret},
		{"saleslab", []Option{WithSecrets("")}, ErrInvalidSecret},
		{"saleslab", []Option{WithSecrets("s"), WithTolerance(time.Minute)}, ErrInvalidOption},
		{"salesbooth", []Option{WithSecrets("s"), WithTolerance(1500 * time.Millisecond)}, ErrInvalidOption},
		{"salesbooth", []Option{WithSecrets("s"), WithTolerance(-time.Second)}, ErrInvalidOption},
		{"saleslab", []Option{WithSecrets("s"), WithMaxBody(0)}, ErrInvalidOption},
		{"saleslab", []Option{WithSecrets("s"), WithTimestamp(time.Now())}, ErrInvalidOption},
		{"custom", []Option{WithSecrets("s")}, ErrInvalidOption},
		{"saleslab", []Option{WithSecrets("s"), WithOption("tolerence", "1")}, ErrInvalidOption},
	}
	for _, c := range cases {
		if _, err := NewVerifier(c.scheme, c.opts...); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.scheme, err, c.want)
		}
	}
}

func TestWithoutToleranceAcceptsOldDeliveries(t *testing.T) {
	v, _ := NewVerifier("salesbooth", WithSecrets("s"), WithoutTolerance())
	defer v.Close()
	h, _ := Sign("salesbooth", "s", []byte("{}"), WithTimestamp(time.Unix(1, 0)))
	got, err := v.Verify([]byte("{}"), h)
	if err != nil || got.Timestamp.Unix() != 1 {
		t.Fatalf("got %v, %v", got.Timestamp, err)
	}
}

func TestCustomSchemeAndSalescalingOptions(t *testing.T) {
	opts := []Option{WithHeader("X-Webhook-Signature"), WithPrefix("sha256="), WithEncoding("base64"),
		WithContent("ts.body"), WithTimestampHeader("X-Webhook-Timestamp")}
	h, err := Sign("custom", "k", []byte("hi"), append(opts, WithTimestamp(time.Unix(100, 0)))...)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier("custom", append(opts, WithSecrets("k"), WithTolerance(10*time.Second))...)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if _, err := v.VerifyAt([]byte("hi"), h, time.Unix(105, 0)); err != nil {
		t.Fatal(err)
	}
	if names := v.HeaderNames(); len(names) != 2 || names[0] != "x-webhook-signature" {
		t.Fatalf("header names %v", names)
	}
	tok, _ := NewVerifier("salescaling", WithSecrets("sc_tok"), WithHeader("x-token"), WithPrefix("Token "))
	defer tok.Close()
	if _, err := tok.Verify(nil, http.Header{"X-Token": {"Token sc_tok"}}); err != nil {
		t.Fatal(err)
	}
}

func TestHeadersAreReadAsHTTPHeaderGetReadsThem(t *testing.T) {
	v, _ := NewVerifier("saleslab", WithSecrets("s"))
	defer v.Close()
	signed, _ := Sign("saleslab", "s", []byte("{}"))
	h := http.Header{}
	h.Set("x-saleslab-signature", signed.Get("X-Saleslab-Signature")) // stored canonical
	if _, err := v.Verify([]byte("{}"), h); err != nil {
		t.Fatal(err)
	}
	// Present but empty is not absent, and both are missing_signature.
	if _, err := v.Verify([]byte("{}"), http.Header{"X-Saleslab-Signature": {""}}); !errors.Is(err, ErrMissingSignature) {
		t.Fatal(err)
	}
	if _, err := v.Verify([]byte("{}"), http.Header{}); !errors.Is(err, ErrMissingSignature) {
		t.Fatal(err)
	}
}

func TestCloseIsIdempotentAndStopsVerification(t *testing.T) {
	v, _ := NewVerifier("saleslab", WithSecrets("s"))
	h, _ := Sign("saleslab", "s", []byte("{}"))
	got, err := v.Verify([]byte("{}"), h)
	if err != nil {
		t.Fatal(err)
	}
	_ = v.Close()
	_ = v.Close()
	if _, err := v.Verify([]byte("{}"), h); !errors.Is(err, ErrClosed) {
		t.Fatalf("got %v", err)
	}
	if got.Kind() != "" {
		t.Fatal("the envelope of a closed verifier is empty")
	}
}

func TestDetectAndSign(t *testing.T) {
	if got := Detect(http.Header{"Stripe-Signature": {"t=1,v1=00"}}); got != "stripe" {
		t.Fatalf("got %q", got)
	}
	if got := Detect(http.Header{"Content-Type": {"application/json"}}); got != "" {
		t.Fatalf("got %q", got)
	}
	if _, err := Sign("saleslab", "s", nil, WithSecrets("x")); !errors.Is(err, ErrInvalidOption) {
		t.Fatal(err)
	}
	h, err := Sign("standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", []byte("{}"),
		WithID("msg_1"), WithTimestamp(time.Unix(1_700_000_000, 0)))
	if err != nil || h.Get("Webhook-Id") != "msg_1" || h.Get("Webhook-Timestamp") != "1700000000" {
		t.Fatalf("got %v, %v", h, err)
	}
}
