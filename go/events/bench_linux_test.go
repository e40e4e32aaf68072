package events_test

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used (RUSAGE_THREAD).
func threadCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // 1: RUSAGE_THREAD
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEvent1KiBRatios runs the decoders in turns, rounds of 2,000 calls each on
// one locked OS thread, and reports each one's CPU time per call (cpu-ns/<name>, the
// best round) and its ratio to encoding/json into map[string]any (x-map/<name>): CPU
// time is what the neighbours on a shared machine change least.
//
//	go test -run X -bench Event1KiBRatios -benchtime 1x ./events
func BenchmarkEvent1KiBRatios(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	body := body1KiB(b)
	ds := decoders()
	best := make([]time.Duration, len(ds))
	const rounds, calls = 30, 2000
	for b.Loop() {
		for range rounds {
			for i, d := range ds {
				start := threadCPU(b)
				for range calls {
					if err := d.run(body); err != nil {
						b.Fatal(err)
					}
				}
				if t := (threadCPU(b) - start) / calls; best[i] == 0 || t < best[i] {
					best[i] = t
				}
			}
		}
	}
	mapIndex := 0
	for i, d := range ds {
		if d.name == "UnmarshalMap" {
			mapIndex = i
		}
	}
	for i, d := range ds {
		b.ReportMetric(float64(best[i].Nanoseconds()), "cpu-ns/"+d.name)
		b.ReportMetric(float64(best[i])/float64(best[mapIndex]), "x-map/"+d.name)
	}
}
