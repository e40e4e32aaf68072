// Package store remembers the webhook deliveries a receiver has processed, so that a
// provider's retry or a replay is acknowledged without running the handler twice.
//
// The contract, the same in every store and every runtime (Node, Python, Go):
// Claim(key, ttl) is atomic — of any number of concurrent claims of one key, in any
// number of processes sharing the store, exactly one reports first until the claim
// expires (ttl, default 30 days) or is released; Release(key) forgets it, so the
// provider's retry of a delivery whose handler failed is processed.
//
// Memory (this package) is the default, for one process. The stores that outlive a
// restart live in their own modules, so that a program imports only the driver it
// uses: sqlitestore (several processes on one machine), redisstore and pgstore
// (several machines).
package store

import (
	"context"
	"errors"
	"time"
)

// DefaultTTL is how long a claim lasts when Claim is given no ttl: 30 days, the
// longest retention a provider document names for retries and replays.
const DefaultTTL = 30 * 24 * time.Hour

// Store is where claims are kept.
type Store interface {
	// Claim claims key for ttl (0 means DefaultTTL) and reports whether this call
	// was the first: false means the key was already claimed and is a duplicate.
	Claim(ctx context.Context, key string, ttl time.Duration) (first bool, err error)
	// Release forgets the claim on key; releasing a key never claimed is no error.
	Release(ctx context.Context, key string) error
}

// ErrEmptyKey is returned for a claim or release of the key "".
var ErrEmptyKey = errors.New("store: a claim key must not be empty")

// ErrInvalidTTL is returned for a negative ttl.
var ErrInvalidTTL = errors.New("store: a claim's ttl must not be negative")

// Check validates a claim's arguments the same way for every store, and returns the
// lifetime to use: DefaultTTL for 0, at least one millisecond (the unit of the
// servers' expiry) otherwise.
func Check(key string, ttl time.Duration) (time.Duration, error) {
	switch {
	case key == "":
		return 0, ErrEmptyKey
	case ttl < 0:
		return 0, ErrInvalidTTL
	case ttl == 0:
		return DefaultTTL, nil
	case ttl < time.Millisecond:
		return time.Millisecond, nil
	}
	return ttl, nil
}
