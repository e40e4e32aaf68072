package hookseal_test

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
)

// Standard Webhooks v1a: the sender signs with a whsk_ secret key (the base64 of an
// Ed25519 seed), the receiver verifies with the whpk_ public key and holds no secret.
func Example_v1a() {
	seed := make([]byte, ed25519.SeedSize) // in production: from a KMS
	copy(seed, "a 32-byte seed for this example!")
	public := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	secretKey := "whsk_" + base64.StdEncoding.EncodeToString(seed)
	publicKey := "whpk_" + base64.StdEncoding.EncodeToString(public)

	body := []byte(`{"type":"deal.won"}`)
	sent := time.Unix(1_700_000_000, 0)
	headers, err := hookseal.Sign("standard-webhooks", secretKey, body,
		hookseal.WithTimestamp(sent), hookseal.WithID("msg_1"))
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(headers.Get("Webhook-Signature"), "v1a,"))

	// Public keys and whsec_ secrets may share one list (a migration from v1 to v1a).
	v, _ := hookseal.NewVerifier("standard-webhooks", hookseal.WithSecrets("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", publicKey))
	defer v.Close()
	verified, err := v.VerifyAt(body, headers, sent)
	fmt.Println(verified.SecretIndex, err)
	// Output:
	// true
	// 1 <nil>
}

// A secret with a NotAfter retires on schedule: the old one verifies until then, and
// a delivery signed only with it is a signature mismatch afterwards.
func ExampleNewVerifierSecrets() {
	retires := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	v, err := hookseal.NewVerifierSecrets("saleslab", []hookseal.Secret{
		{Value: "sl_new"},
		{Value: "sl_old", NotAfter: retires},
	})
	if err != nil {
		panic(err)
	}
	defer v.Close()
	body := []byte(`{"event_kind":"deal.won"}`)
	old, _ := hookseal.Sign("saleslab", "sl_old", body)

	verified, err := v.VerifyAt(body, old, retires)
	fmt.Println(verified.SecretIndex, err)
	_, err = v.VerifyAt(body, old, retires.Add(time.Second))
	fmt.Println(errors.Is(err, hookseal.ErrSignatureMismatch))
	fmt.Println(hookseal.Secret{Value: "sl_old", NotAfter: retires})
	// Output:
	// 1 <nil>
	// true
	// hookseal.Secret{Value: [redacted], NotAfter: 2026-12-31T00:00:00Z}
}

// Explain names why a delivery fails; for development, never as a public answer.
func ExampleVerifier_Explain() {
	body := []byte(`{"id":"evt_1","type":"deal.won"}`)
	headers, _ := hookseal.Sign("salesos", "whsec_k", body)
	// SalesOS shows the secret as whsec_k; it was configured without the prefix.
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("k"))
	defer v.Close()

	why := v.Explain(body, headers)
	fmt.Println(why.OK, why.Code, why.Findings[0].Code)
	// Output: false signature_mismatch missing_whsec_prefix
}

// WithExplain(true) (or HOOKSEAL_EXPLAIN=1) adds the explanation to every rejection:
// the error's Explanation and the middleware's answer.
func ExampleWithExplain() {
	v, _ := hookseal.NewVerifier("salesos", hookseal.WithSecrets("k"), hookseal.WithExplain(true))
	defer v.Close()
	body := []byte(`{"id":"evt_1","type":"deal.won"}`)
	headers, _ := hookseal.Sign("salesos", "whsec_k", body)

	_, err := v.Verify(body, headers)
	var e *hookseal.Error
	if errors.As(err, &e) && e.Explanation != nil {
		fmt.Println(e.Code, e.Explanation.Has("missing_whsec_prefix"))
	}
	// Output: signature_mismatch true
}

// Secrets per tenant: the tenant comes from the route, its secrets from a resolver
// (a database, a secret manager), cached per tenant for five minutes by default.
func ExampleNewTenantVerifier() {
	secrets := map[string]string{"acme": "sl_acme", "globex": "sl_globex"} // a database
	tv, err := hookseal.NewTenantVerifier("saleslab",
		hookseal.WithTenant(
			func(r *http.Request) string { return r.PathValue("tenant") },
			func(ctx context.Context, tenant string) ([]hookseal.Secret, error) {
				s, ok := secrets[tenant]
				if !ok {
					return nil, nil // unknown: 404 unknown_tenant
				}
				return []hookseal.Secret{{Value: s}}, nil
			}),
		hookseal.WithTenantCache(1000, 5*time.Minute))
	if err != nil {
		panic(err)
	}
	defer tv.Close()
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/saleslab/{tenant}", tv.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tenant, _ := hookseal.TenantFromContext(r.Context())
		fmt.Fprintf(w, "verified for %s", tenant)
	})))

	body := `{"event_kind":"deal.won","delivery_id":"d_1"}`
	for _, tenant := range []string{"acme", "initech"} {
		req := httptest.NewRequest(http.MethodPost, "/hooks/saleslab/"+tenant, strings.NewReader(body))
		req.Header, _ = hookseal.Sign("saleslab", "sl_acme", []byte(body))
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 verified for acme
	// 404 {"error":"unknown_tenant","message":"no secret is configured for the tenant this request names"}
}
