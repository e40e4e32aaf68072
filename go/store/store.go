// Package store remembers the webhook deliveries a receiver has processed, so that a
// provider's retry or a replay is acknowledged without running the handler twice, and
// no delivery is lost when a receiver dies inside its handler.
//
// The contract, the same in every store and every runtime (Node, Python, Go; the data
// layout too, so receivers in different runtimes may share one store):
//
//   - Claim(key, lease) takes a short processing lease with a random owner token. Of
//     any number of concurrent claims of one key, in any number of processes sharing
//     the store, exactly one reports First (with the token) until the lease expires or
//     the claim is released; the others report Processing (with the lease left) or,
//     once the claim is completed, Done.
//   - Complete(key, token, ttl) marks the claim done for the TTL (default 30 days):
//     the handler answered 2xx.
//   - Release(key, token) deletes the claim: the handler failed, so the provider's
//     retry runs it again.
//
// Complete and Release are owner-checked: they change the claim only while it still
// holds token, so a late call from an attempt whose lease expired never touches the
// claim of the attempt that took over. A claim whose outcome is unknown (an error or a
// timeout after the write may have applied) is released by the store itself,
// best-effort, before Claim returns the error.
//
// Memory (this package) is the default, for one process. The stores that outlive a
// restart live in their own modules, so that a program imports only the driver it
// uses: sqlitestore (several processes on one machine), redisstore and pgstore
// (several machines).
package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/hookseal/hookseal/go/internal/receive"
)

// DefaultLease is how long a claim holds a delivery while its handler runs, unless
// completed or released first: the core's default (60 s), longer than every seed
// provider's timeout and short enough that a crash costs one retry.
var DefaultLease = receive.Core.Lease()

// DefaultTTL is how long a completed delivery is remembered: the core's default
// (30 days), the longest retention a provider document names for retries and replays.
var DefaultTTL = receive.Core.TTL()

// Outcome is what a claim found.
type Outcome int

const (
	// First: no live claim; this attempt holds the lease now (Claim.Token).
	First Outcome = iota + 1
	// Processing: another attempt holds a live lease (Claim.LeaseLeft of it left).
	Processing
	// Done: the delivery was completed within its TTL.
	Done
)

func (o Outcome) String() string {
	switch o {
	case First:
		return "first"
	case Processing:
		return "processing"
	case Done:
		return "done"
	}
	return "unknown"
}

// Claim is the answer of Store.Claim.
type Claim struct {
	Outcome Outcome
	// Token is the owner token of a First claim: 32 lowercase hex characters.
	Token string
	// LeaseLeft is what is left of another attempt's lease, for Processing.
	LeaseLeft time.Duration
}

// Store is where claims are kept.
type Store interface {
	// Claim takes a processing lease on key for lease (0 means DefaultLease).
	Claim(ctx context.Context, key string, lease time.Duration) (Claim, error)
	// Complete marks key done for ttl (0 means DefaultTTL), if token still owns it.
	Complete(ctx context.Context, key, token string, ttl time.Duration) error
	// Release deletes the claim on key, if token still owns it; releasing a claim
	// that is gone, or owned by another token, is no error.
	Release(ctx context.Context, key, token string) error
}

// ErrEmptyKey is returned for a claim, completion or release of the key "".
var ErrEmptyKey = errors.New("store: a claim key must not be empty")

// ErrEmptyToken is returned for a completion or release without a token.
var ErrEmptyToken = errors.New("store: a claim token must not be empty")

// ErrInvalidLease is returned for a negative lease.
var ErrInvalidLease = errors.New("store: a claim's lease must not be negative")

// ErrInvalidTTL is returned for a negative ttl.
var ErrInvalidTTL = errors.New("store: a claim's ttl must not be negative")

// CheckClaim validates a claim's arguments the same way for every store, and returns
// the lease to use.
func CheckClaim(key string, lease time.Duration) (time.Duration, error) {
	if key == "" {
		return 0, ErrEmptyKey
	}
	return duration(lease, DefaultLease, ErrInvalidLease)
}

// CheckComplete validates a completion's arguments, and returns the ttl to use.
func CheckComplete(key, token string, ttl time.Duration) (time.Duration, error) {
	if err := CheckRelease(key, token); err != nil {
		return 0, err
	}
	return duration(ttl, DefaultTTL, ErrInvalidTTL)
}

// CheckRelease validates a release's arguments.
func CheckRelease(key, token string) error {
	switch {
	case key == "":
		return ErrEmptyKey
	case token == "":
		return ErrEmptyToken
	}
	return nil
}

// duration is d, def for 0, at least one millisecond (the unit of the servers' expiry).
func duration(d, def time.Duration, negative error) (time.Duration, error) {
	switch {
	case d < 0:
		return 0, negative
	case d == 0:
		return def, nil
	case d < time.Millisecond:
		return time.Millisecond, nil
	}
	return d, nil
}

// NewToken is a claim's owner token: 16 random bytes as 32 lowercase hex characters.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it panics instead)
	return hex.EncodeToString(b)
}

// Cleanup is a context for a store's best-effort work after ctx: not cancelled with
// it (a client's disconnect, a timeout that made the outcome unknown), bounded by
// timeout.
func Cleanup(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), timeout)
}

// DefaultTimeout bounds each store operation by default: below the 8–10 s a provider
// waits for an answer.
const DefaultTimeout = 5 * time.Second

// ClaimInSteps is Claim for a store that writes then reads (SQL: INSERT … ON CONFLICT,
// then SELECT when the key is held). It checks key and lease (CheckClaim) and bounds the
// whole claim by timeout. With a fresh token, step runs once, and once more when it
// reports a zero Outcome (the row expired or was released between its write and its
// read); on an error the token is released best-effort (ReleaseUnknown). Once the
// claim's answer is known, after runs (the store's expiry sweep, which never fails it).
func ClaimInSteps(ctx context.Context, s Store, key string, lease, timeout time.Duration,
	step func(ctx context.Context, key, token string, lease time.Duration) (Claim, error),
	after func(ctx context.Context)) (Claim, error) {
	lease, err := CheckClaim(key, lease)
	if err != nil {
		return Claim{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	token := NewToken()
	for range 2 {
		c, err := step(ctx, key, token, lease)
		if err != nil {
			// The write may have committed (a timeout after it).
			return ReleaseUnknown(ctx, s, key, token, err)
		}
		if c.Outcome != 0 {
			after(ctx)
			return c, nil
		}
	}
	return ReleaseUnknown(ctx, s, key, token, errors.New("store: the claim changed under every attempt"))
}

// ReleaseUnknown is what a store does when a claim's outcome is unknown: it releases
// its token best-effort (the write may have applied) and returns err.
func ReleaseUnknown(ctx context.Context, s Store, key, token string, err error) (Claim, error) {
	rctx, cancel := Cleanup(ctx, DefaultTimeout)
	defer cancel()
	_ = s.Release(rctx, key, token)
	return Claim{}, err
}
