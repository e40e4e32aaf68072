//go:build !cgo || hookseal_wasm

package engine

import (
	"context"
	"testing"
)

// BenchmarkFirstCall is what the first verification of a process pays before its own
// work, once: compiling the embedded module (then kept for the process), one instance
// and one native verifier in it. bench.sh reports it apart from Verify.
func BenchmarkFirstCall(b *testing.B) {
	ctx := context.Background()
	b.Run("compile", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			core, err := compile(ctx)
			if err != nil {
				b.Fatal(err)
			}
			_ = core.runtime.Close(ctx)
		}
	})
	b.Run("compile+instance+verifier", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			core, err := compile(ctx)
			if err != nil {
				b.Fatal(err)
			}
			in, f := core.instance()
			if f.Failed() {
				b.Fatal(f.Message)
			}
			if _, f := in.verifierNew(Config{Scheme: "saleslab", Secrets: []Secret{{Value: "s"}}}); f.Failed() {
				b.Fatal(f.Message)
			}
			_ = core.runtime.Close(ctx)
		}
	})
	// What each further instance costs (a pool grows to GOMAXPROCS under load).
	b.Run("instance+verifier", func(b *testing.B) {
		core, err := compiled()
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			in, f := core.instance()
			if f.Failed() {
				b.Fatal(f.Message)
			}
			if _, f := in.verifierNew(Config{Scheme: "saleslab", Secrets: []Secret{{Value: "s"}}}); f.Failed() {
				b.Fatal(f.Message)
			}
			in.close()
		}
	})
}
