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
	"regexp"
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

	t.Run("first, processing, then done once completed", func(t *testing.T) {
		key := fresh()
		first := MustClaim(t, s, key, 0, store.First)
		if !tokenShape.MatchString(first.Token) {
			t.Fatalf("token %q is not 32 lowercase hex characters", first.Token)
		}
		held := MustClaim(t, s, key, 0, store.Processing)
		if held.LeaseLeft <= 0 || held.LeaseLeft > store.DefaultLease || held.Token != "" {
			t.Fatalf("processing: %+v", held)
		}
		must(t, s.Complete(ctx, key, first.Token, 0))
		MustClaim(t, s, key, 0, store.Done)
		MustClaim(t, s, key, time.Minute, store.Done)
	})

	t.Run("tokens differ", func(t *testing.T) {
		a, b := MustClaim(t, s, fresh(), 0, store.First), MustClaim(t, s, fresh(), 0, store.First)
		if a.Token == b.Token {
			t.Fatal("two claims share a token")
		}
	})

	t.Run("release lets the retry run", func(t *testing.T) {
		key := fresh()
		first := MustClaim(t, s, key, 0, store.First)
		must(t, s.Release(ctx, key, first.Token))
		MustClaim(t, s, key, 0, store.First)
		MustClaim(t, s, key, 0, store.Processing)
	})

	t.Run("release and complete are owner-checked", func(t *testing.T) {
		key := fresh()
		dead := MustClaim(t, s, key, 150*time.Millisecond, store.First)
		time.Sleep(400 * time.Millisecond)
		live := MustClaim(t, s, key, 0, store.First) // the dead attempt's lease expired
		must(t, s.Release(ctx, key, dead.Token))
		MustClaim(t, s, key, 0, store.Processing)
		must(t, s.Complete(ctx, key, dead.Token, 0))
		MustClaim(t, s, key, 0, store.Processing)
		must(t, s.Complete(ctx, key, live.Token, 0))
		must(t, s.Release(ctx, key, live.Token)) // a done claim holds no token any more
		MustClaim(t, s, key, 0, store.Done)
	})

	t.Run("release of an unknown key", func(t *testing.T) {
		must(t, s.Release(ctx, fresh(), store.NewToken()))
		must(t, s.Complete(ctx, fresh(), store.NewToken(), 0))
	})

	t.Run("a lease expires", func(t *testing.T) {
		key := fresh()
		MustClaim(t, s, key, 150*time.Millisecond, store.First)
		MustClaim(t, s, key, 150*time.Millisecond, store.Processing)
		time.Sleep(400 * time.Millisecond)
		MustClaim(t, s, key, 150*time.Millisecond, store.First)
	})

	t.Run("done expires after its ttl", func(t *testing.T) {
		key := fresh()
		first := MustClaim(t, s, key, 0, store.First)
		must(t, s.Complete(ctx, key, first.Token, 150*time.Millisecond))
		MustClaim(t, s, key, 0, store.Done)
		time.Sleep(400 * time.Millisecond)
		MustClaim(t, s, key, 0, store.First)
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
		var firsts, held atomic.Int64
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				c, err := stores[i%len(stores)].Claim(ctx, key, 0)
				switch {
				case err != nil:
					t.Error(err)
				case c.Outcome == store.First:
					firsts.Add(1)
				case c.Outcome == store.Processing:
					held.Add(1)
				}
			}()
		}
		close(start)
		wg.Wait()
		if firsts.Load() != 1 || held.Load() != 49 {
			t.Fatalf("first %d times, processing %d times; want 1 and 49", firsts.Load(), held.Load())
		}
	})

	t.Run("bad arguments", func(t *testing.T) {
		if _, err := s.Claim(ctx, "", 0); !errors.Is(err, store.ErrEmptyKey) {
			t.Errorf("Claim(\"\"): %v, want ErrEmptyKey", err)
		}
		if _, err := s.Claim(ctx, fresh(), -time.Second); !errors.Is(err, store.ErrInvalidLease) {
			t.Errorf("Claim(lease -1s): %v, want ErrInvalidLease", err)
		}
		if err := s.Complete(ctx, fresh(), "t", -time.Second); !errors.Is(err, store.ErrInvalidTTL) {
			t.Errorf("Complete(ttl -1s): %v, want ErrInvalidTTL", err)
		}
		if err := s.Complete(ctx, fresh(), "", 0); !errors.Is(err, store.ErrEmptyToken) {
			t.Errorf("Complete(token \"\"): %v, want ErrEmptyToken", err)
		}
		if err := s.Release(ctx, "", "t"); !errors.Is(err, store.ErrEmptyKey) {
			t.Errorf("Release(\"\"): %v, want ErrEmptyKey", err)
		}
		if err := s.Release(ctx, fresh(), ""); !errors.Is(err, store.ErrEmptyToken) {
			t.Errorf("Release(token \"\"): %v, want ErrEmptyToken", err)
		}
	})

	if persistent {
		t.Run("another instance sees the claim", func(t *testing.T) {
			key := fresh()
			first := MustClaim(t, s, key, 0, store.First)
			MustClaim(t, open(t), key, 0, store.Processing)
			must(t, open(t).Complete(ctx, key, first.Token, 0))
			MustClaim(t, open(t), key, 0, store.Done)
		})
	}
}

var tokenShape = regexp.MustCompile(`^[0-9a-f]{32}$`)

// MustClaim claims key in s and fails t unless the outcome is want.
func MustClaim(t testing.TB, s store.Store, key string, lease time.Duration, want store.Outcome) store.Claim {
	t.Helper()
	c, err := s.Claim(context.Background(), key, lease)
	if err != nil {
		t.Fatalf("Claim(%q, %v): %v", key, lease, err)
	}
	if c.Outcome != want {
		t.Fatalf("Claim(%q, %v): %v, want %v", key, lease, c.Outcome, want)
	}
	return c
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
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
