//go:build !cgo || hookseal_wasm

package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func newTestVerifier(t *testing.T, options ...[2]string) *Verifier {
	t.Helper()
	v, f := NewVerifier(Config{Scheme: "saleslab", Secrets: []Secret{{Value: "s"}}, Options: options})
	if f.Failed() {
		t.Fatal(f.Message)
	}
	t.Cleanup(v.Free)
	return v
}

// A body over max_body gets the core's own answer (the core needs the real length), and
// the instance whose memory grew for it is closed rather than pooled.
func TestOversizedBodyIsTheCoreAnswerAndTheInstanceIsNotKept(t *testing.T) {
	v := newTestVerifier(t, [2]string{"max_body", "1024"})
	var values Values
	values.V[0], values.Present = "sha256=00", 1
	_, f := v.Verify(make([]byte, 3<<20), &values, time.Now().Unix(), true)
	if f.Status != 1 || f.Message != "the body is 3145728 bytes; the limit is 1024" {
		t.Fatalf("got %+v", f)
	}
	for _, b := range v.pool.idle {
		if b.in.size > v.pool.keep {
			t.Fatalf("an instance of %d bytes of arguments was kept (keep %d)", b.in.size, v.pool.keep)
		}
	}
}

// However many goroutines verify at once, a verifier's pool holds at most GOMAXPROCS
// instances.
func TestPoolIsBoundedByGOMAXPROCS(t *testing.T) {
	v := newTestVerifier(t)
	var made, live, most atomic.Int32
	bind := v.pool.make
	v.pool.make = func() (*bound, Failure) {
		made.Add(1)
		return bind()
	}
	var wg sync.WaitGroup
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				b, f := v.pool.get()
				if f.Failed() {
					t.Error(f.Message)
					return
				}
				n := live.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				live.Add(-1)
				v.pool.put(b)
			}
		}()
	}
	wg.Wait()
	if limit := int32(runtime.GOMAXPROCS(0)); most.Load() > limit || made.Load() > limit {
		t.Fatalf("%d instances at once, %d made; GOMAXPROCS is %d", most.Load(), made.Load(), limit)
	}
}
