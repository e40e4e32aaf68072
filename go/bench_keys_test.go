package hookseal

// Benchmarks (not tests) of issue #19's costs, with the engine this binary was built
// with: Standard Webhooks v1a (Ed25519) against v1 (HMAC) at 1 KiB, and a
// TenantVerifier's cache hit against a fixed Verifier's middleware. bench.sh runs them
// for both engines and prints the tables of docs/benchmarks/go.md.

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func BenchmarkV1a(b *testing.B) {
	body := benchBody(1 << 10)
	seed := make([]byte, ed25519.SeedSize)
	copy(seed, "bench seed of exactly 32 bytes!!")
	public := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	at := time.Unix(1_700_000_000, 0)
	for _, c := range []struct{ name, sign, verify string }{
		{"v1", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
		{"v1a", "whsk_" + base64.StdEncoding.EncodeToString(seed), "whpk_" + base64.StdEncoding.EncodeToString(public)},
	} {
		h, err := Sign("standard-webhooks", c.sign, body, WithTimestamp(at), WithID("msg_1"))
		if err != nil {
			b.Fatal(err)
		}
		v, err := NewVerifier("standard-webhooks", WithSecrets(c.verify))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/1KiB", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := v.VerifyAt(body, h, at); err != nil {
					b.Fatal(err)
				}
			}
		})
		v.Close()
	}
}

// BenchmarkTenantMiddleware is the middleware per request with one fixed Verifier and
// with a TenantVerifier whose tenant's verifier is cached (the hit path), 1 KiB.
func BenchmarkTenantMiddleware(b *testing.B) {
	body := benchBody(1 << 10)
	h, _ := Sign("saleslab", "sl_bench", body)
	fixed, _ := NewVerifier("saleslab", WithSecrets("sl_bench"))
	defer fixed.Close()
	tv, _ := NewTenantVerifier("saleslab", WithTenant(
		func(r *http.Request) string { return r.Header.Get("X-Tenant") },
		func(context.Context, string) ([]Secret, error) { return []Secret{{Value: "sl_bench"}}, nil }))
	defer tv.Close()
	h.Set("X-Tenant", "acme")
	handler := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for _, c := range []struct {
		name string
		mw   http.Handler
	}{{"fixed", fixed.Middleware(handler)}, {"tenant-cached", tv.Middleware(handler)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			w := httptest.NewRecorder()
			body := string(body)
			for b.Loop() {
				r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
				r.Header = h
				c.mw.ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatal(w.Code)
				}
			}
		})
	}
}

// BenchmarkTenantCacheHit is what a TenantVerifier adds per request on a cache hit:
// the tenant function and the cache lookup.
func BenchmarkTenantCacheHit(b *testing.B) {
	tv, _ := NewTenantVerifier("saleslab", WithTenant(
		func(r *http.Request) string { return r.Header.Get("X-Tenant") },
		func(context.Context, string) ([]Secret, error) { return []Secret{{Value: "sl_bench"}}, nil }))
	defer tv.Close()
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Header.Set("X-Tenant", "acme")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tv.Verifier(ctx, tv.tenant(r)); err != nil {
			b.Fatal(err)
		}
	}
}
