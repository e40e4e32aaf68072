package storetest

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/hookseal/hookseal/go/store"
)

// Bench measures claims of fresh keys (every one a first, as in normal traffic) by 1
// and by 16 concurrent clients (goroutines) sharing s. ns/op is per claim.
func Bench(b *testing.B, s store.Store) {
	ctx := context.Background()
	run := RunID()
	var n atomic.Int64
	for _, clients := range []int{1, 16} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			// RunParallel starts parallelism*GOMAXPROCS goroutines.
			b.SetParallelism(max(1, clients/runtime.GOMAXPROCS(0)))
			if clients == 1 {
				b.SetParallelism(1)
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			}
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.Claim(ctx, fmt.Sprintf("bench:%s:%d", run, n.Add(1)), 0); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchBody is the delivery the benchmarks verify in every runtime: a Salesbooth
// deal.created event of about 1 KiB.
func BenchBody() []byte {
	note := make([]byte, 900)
	for i := range note {
		note[i] = 'a' + byte(i%26)
	}
	return []byte(`{"event":"deal.created","id":"evt_0123456789","tenant_id":"tenant_abc123","data":{"note":"` + string(note) + `"}}`)
}
