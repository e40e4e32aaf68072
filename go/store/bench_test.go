package store_test

import (
	"testing"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/storetest"
)

func BenchmarkClaim(b *testing.B) { storetest.Bench(b, store.NewMemory(0)) }

// BenchmarkVerify is the cost a store's claim is added to: verifying a typical
// Salesbooth delivery and reading its idempotency key.
func BenchmarkVerify(b *testing.B) {
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_test"))
	if err != nil {
		b.Fatal(err)
	}
	body := storetest.BenchBody()
	h, err := hookseal.Sign("salesbooth", "whsec_test", body)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		event, err := v.Verify(body, h)
		if err != nil || event.IdempotencyKey() == "" {
			b.Fatal(err)
		}
	}
}
