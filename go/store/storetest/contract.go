// Package storetest is the store contract as a test suite, run against every store
// (store.Memory here; sqlitestore, redisstore and pgstore in their modules), like
// testing/fstest is for file systems. A store of your own can run it too.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
)

// Opener opens a new instance of the store under test on the same backing data, as a
// second process or a restarted receiver would. The test closes what it opens, if
// it is an io.Closer, at the end.
type Opener func(t *testing.T) store.Store

// Run runs the contract. persistent says that instances from open share their claims
// (every store but Memory): then claims also race across instances, and a new
// instance must see the claims of earlier ones.
func Run(t *testing.T, open Opener, persistent bool) {
	ctx := context.Background()
	run := RunID()
	var n atomic.Int64
	fresh := func() string { return fmt.Sprintf("test:%s:%d", run, n.Add(1)) }
	s := open(t)

	claim := func(t *testing.T, s store.Store, key string, ttl time.Duration, want bool) {
		t.Helper()
		first, err := s.Claim(ctx, key, ttl)
		if err != nil {
			t.Fatalf("Claim(%q, %v): %v", key, ttl, err)
		}
		if first != want {
			t.Fatalf("Claim(%q, %v): first = %v, want %v", key, ttl, first, want)
		}
	}

	t.Run("first then duplicate", func(t *testing.T) {
		key := fresh()
		claim(t, s, key, 0, true)
		claim(t, s, key, 0, false)
		claim(t, s, key, time.Minute, false)
	})

	t.Run("keys are independent", func(t *testing.T) {
		claim(t, s, fresh(), 0, true)
		claim(t, s, fresh(), 0, true)
	})

	t.Run("release lets the retry run", func(t *testing.T) {
		key := fresh()
		claim(t, s, key, 0, true)
		if err := s.Release(ctx, key); err != nil {
			t.Fatal(err)
		}
		claim(t, s, key, 0, true)
		claim(t, s, key, 0, false)
	})

	t.Run("release of an unknown key", func(t *testing.T) {
		if err := s.Release(ctx, fresh()); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("a claim expires", func(t *testing.T) {
		key := fresh()
		claim(t, s, key, 150*time.Millisecond, true)
		claim(t, s, key, 150*time.Millisecond, false)
		time.Sleep(400 * time.Millisecond)
		claim(t, s, key, 150*time.Millisecond, true)
	})

	t.Run("50 concurrent claims, one first", func(t *testing.T) {
		key := fresh()
		stores := []store.Store{s}
		if persistent {
			// Claims through several connections, as separate receivers.
			for range 4 {
				stores = append(stores, open(t))
			}
		}
		var firsts, duplicates atomic.Int64
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				first, err := stores[i%len(stores)].Claim(ctx, key, 0)
				switch {
				case err != nil:
					t.Error(err)
				case first:
					firsts.Add(1)
				default:
					duplicates.Add(1)
				}
			}()
		}
		close(start)
		wg.Wait()
		if firsts.Load() != 1 || duplicates.Load() != 49 {
			t.Fatalf("first %d times, duplicate %d times; want 1 and 49", firsts.Load(), duplicates.Load())
		}
	})

	t.Run("bad arguments", func(t *testing.T) {
		if _, err := s.Claim(ctx, "", 0); !errors.Is(err, store.ErrEmptyKey) {
			t.Errorf("Claim(\"\"): %v, want ErrEmptyKey", err)
		}
		if _, err := s.Claim(ctx, fresh(), -time.Second); !errors.Is(err, store.ErrInvalidTTL) {
			t.Errorf("Claim(ttl -1s): %v, want ErrInvalidTTL", err)
		}
		if err := s.Release(ctx, ""); !errors.Is(err, store.ErrEmptyKey) {
			t.Errorf("Release(\"\"): %v, want ErrEmptyKey", err)
		}
	})

	if persistent {
		t.Run("another instance sees the claim", func(t *testing.T) {
			key := fresh()
			claim(t, s, key, 0, true)
			claim(t, open(t), key, 0, false)
			claim(t, open(t), key, 0, false)
		})
	}
}

// RunID is a random prefix for one test run's keys, so that reruns against the same
// servers never collide.
func RunID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// ServerURL is the URL of a test server from the environment variable name
// (HOOKSEAL_TEST_REDIS_URL, HOOKSEAL_TEST_POSTGRES_URL: scripts/ci/stores.sh starts the
// servers and sets them). Without it the test is skipped, or fails when
// HOOKSEAL_STORES_REQUIRED=1, so that CI cannot pass by skipping.
func ServerURL(t testing.TB, name string) string {
	t.Helper()
	url := os.Getenv(name)
	if url == "" {
		if os.Getenv("HOOKSEAL_STORES_REQUIRED") == "1" {
			t.Fatalf("%s is not set", name)
		}
		t.Skipf("%s is not set (scripts/ci/stores.sh starts the server and sets it)", name)
	}
	return url
}

// Must takes a store and its error from an Open function, fails t on the error, and
// closes the store (if it is an io.Closer) when t ends:
//
//	s := storetest.Must(t)(redisstore.Open(url))
func Must(t testing.TB) func(store.Store, error) store.Store {
	return func(s store.Store, err error) store.Store {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := s.(io.Closer); ok {
			t.Cleanup(func() { c.Close() })
		}
		return s
	}
}
