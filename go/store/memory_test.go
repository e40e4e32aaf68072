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

func TestMemoryDefaultLeaseAndTTL(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(0, 0)
	m := store.NewMemory(0).WithClock(func() time.Time { return now })
	at := func(d time.Duration, want store.Outcome) store.Claim {
		t.Helper()
		now = time.Unix(0, 0).Add(d)
		c, err := m.Claim(ctx, "k", 0)
		if err != nil || c.Outcome != want {
			t.Fatalf("at %v: %v, %v; want %v", d, c.Outcome, err, want)
		}
		return c
	}
	first := at(0, store.First)
	if c := at(store.DefaultLease-time.Second, store.Processing); c.LeaseLeft != time.Second {
		t.Fatalf("lease left %v", c.LeaseLeft)
	}
	second := at(store.DefaultLease, store.First) // the first attempt died: its lease expired
	if err := m.Complete(ctx, "k", first.Token, 0); err != nil {
		t.Fatal(err)
	}
	at(store.DefaultLease+time.Second, store.Processing) // a late Complete of the dead attempt changed nothing
	now = time.Unix(0, 0).Add(store.DefaultLease + time.Second)
	if err := m.Complete(ctx, "k", second.Token, 0); err != nil {
		t.Fatal(err)
	}
	at(store.DefaultLease+store.DefaultTTL, store.Done)
	at(store.DefaultLease+time.Second+store.DefaultTTL, store.First)
}

func TestMemoryIsABoundedLRU(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(2)
	claim := func(key string) store.Outcome {
		c, err := m.Claim(ctx, key, 0)
		if err != nil {
			t.Fatal(err)
		}
		return c.Outcome
	}
	claim("a")
	claim("b")
	if claim("a") != store.Processing {
		t.Fatal("a should be held")
	} // a is now the most recent
	claim("c") // evicts b
	if m.Len() != 2 || claim("a") != store.Processing || claim("b") != store.First {
		t.Fatal("the least recently used claim (b) should have been evicted")
	}
}
