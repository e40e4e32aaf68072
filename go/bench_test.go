package hookseal

// Benchmarks (not tests): hookseal's Verify against the Go a user pastes today, side by
// side in one run, with the engine this binary was built with (cgo, or wasm with
// -tags hookseal_wasm or CGO_ENABLED=0). `bash bench.sh` runs both engines' binaries in
// turn and prints the table of go/README.md and docs/benchmarks/go.md.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

var benchSizes = []struct {
	name string
	n    int
}{{"256B", 256}, {"1KiB", 1 << 10}, {"64KiB", 64 << 10}, {"1MiB", 1 << 20}}

// benchBody is a JSON delivery of exactly n bytes.
func benchBody(n int) []byte {
	head := `{"event_kind":"deal.won","event":"deal.won","delivery_id":"d_1","company_id":"c_1","tenant_id":"t_1","data":"`
	tail := `"}`
	return []byte(head + strings.Repeat("x", n-len(head)-len(tail)) + tail)
}

// handwrittenSalesLab is the SalesLab document's Go snippet, as printed there.
func handwrittenSalesLab(secret, body []byte, header string) bool {
	sig := strings.TrimPrefix(header, "sha256=")
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(sig), []byte(expected))
}

// handwrittenSalesOS is the SalesOS document's recipe in Go: "sha256=" + hex HMAC of
// the body, compared in constant time with X-SalesOS-Signature.
func handwrittenSalesOS(secret, body []byte, header string) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(header), []byte(expected))
}

// handwrittenSalesbooth is the Salesbooth document's recipe written in Go the same way:
// tolerance check on the parsed timestamp, HMAC over "ts.body", constant-time compare.
func handwrittenSalesbooth(secret, body []byte, h http.Header) bool {
	sig := h.Get("X-Salesbooth-Signature")
	ts := h.Get("X-Salesbooth-Timestamp")
	t, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if age := time.Now().Unix() - t; age > 300 || age < -300 {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts))
	mac.Write([]byte("."))
	mac.Write(body)
	expected := "v1=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(sig), []byte(expected))
}

func BenchmarkVerify(b *testing.B) {
	secret := "sl_whsec_5d41402abc4b2a76b9719d911017c592"
	for _, scheme := range []string{"saleslab", "salesos", "salesbooth"} {
		v, err := NewVerifier(scheme, WithSecrets(secret))
		if err != nil {
			b.Fatal(err)
		}
		for _, size := range benchSizes {
			body := benchBody(size.n)
			h, _ := Sign(scheme, secret, body, WithTimestamp(time.Now()))
			h.Set("Content-Type", "application/json")
			h.Set("User-Agent", "bench/1")
			b.Run(scheme+"/"+size.name+"/hookseal", func(b *testing.B) {
				b.SetBytes(int64(size.n))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if _, err := v.Verify(body, h); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(scheme+"/"+size.name+"/handwritten", func(b *testing.B) {
				key := []byte(secret)
				b.SetBytes(int64(size.n))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					var ok bool
					switch scheme {
					case "saleslab":
						ok = handwrittenSalesLab(key, body, h.Get("X-Saleslab-Signature"))
					case "salesos":
						ok = handwrittenSalesOS(key, body, h.Get("X-Salesos-Signature"))
					default:
						ok = handwrittenSalesbooth(key, body, h)
					}
					if !ok {
						b.Fatal("rejected")
					}
				}
			})
		}
		v.Close()
	}
}

// BenchmarkEnvelope prices the lazy envelope: Verify alone, and Verify plus the first
// use of Kind (one more call into the core, which parses the body).
func BenchmarkEnvelope(b *testing.B) {
	v, _ := NewVerifier("saleslab", WithSecrets("s"))
	defer v.Close()
	for _, size := range benchSizes[:3] {
		body := benchBody(size.n)
		h, _ := Sign("saleslab", "s", body)
		b.Run(size.name+"/verify", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_, _ = v.Verify(body, h)
			}
		})
		b.Run(size.name+"/verify+kind", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				got, _ := v.Verify(body, h)
				if got.Kind() != "deal.won" {
					b.Fatal(got.Kind())
				}
			}
		})
	}
}
