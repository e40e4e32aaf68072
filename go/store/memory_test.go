package store_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/storetest"
)

// One Memory for the receiver process: its claims live in that process.
func TestMain(m *testing.M) {
	storetest.ServeIfReceiver(func(string) (store.Store, error) { return store.NewMemory(0), nil })
	os.Exit(m.Run())
}

func TestMemoryContract(t *testing.T) {
	storetest.Run(t, func(*testing.T) store.Store { return store.NewMemory(0) }, false)
}

func TestMemoryReceiver(t *testing.T) {
	storetest.TwoReceivers(t, "memory", false)
}

func TestMemoryDefaultTTLIs30Days(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(0, 0)
	m := store.NewMemory(0).WithClock(func() time.Time { return now })
	want := []struct {
		at    time.Duration
		first bool
	}{{0, true}, {store.DefaultTTL - time.Second, false}, {store.DefaultTTL, true}}
	for _, step := range want {
		now = time.Unix(0, 0).Add(step.at)
		if first, _ := m.Claim(ctx, "k", 0); first != step.first {
			t.Fatalf("at %v: first = %v, want %v", step.at, first, step.first)
		}
	}
}

func TestMemoryIsABoundedLRU(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(2)
	claim := func(key string) bool {
		first, err := m.Claim(ctx, key, 0)
		if err != nil {
			t.Fatal(err)
		}
		return first
	}
	claim("a")
	claim("b")
	if claim("a") {
		t.Fatal("a should be a duplicate")
	} // a is now the most recent
	claim("c") // evicts b
	if m.Len() != 2 || claim("a") || !claim("b") {
		t.Fatal("the least recently used claim (b) should have been evicted")
	}
}
