// Package redisstore keeps hookseal claims in Redis (go-redis): one
// SET key 1 NX PX ttl per claim, atomic on the server and shared by every receiver
// that reaches it; Redis expires the keys itself.
package redisstore

import (
	"context"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/redis/go-redis/v9"
)

// DefaultPrefix is put before every key, so claims are easy to find and keep apart.
const DefaultPrefix = "hookseal:"

// Store is a store.Store in Redis. Safe for concurrent use.
type Store struct {
	client redis.UniversalClient
	prefix string
	owned  bool
}

var _ store.Store = (*Store)(nil)

// New keeps claims through client (yours to close), under DefaultPrefix.
func New(client redis.UniversalClient) *Store {
	return &Store{client: client, prefix: DefaultPrefix}
}

// Open connects to the server at url ("redis://host:port/db"); Close closes it.
func Open(url string) (*Store, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	s := New(redis.NewClient(opts))
	s.owned = true
	return s, nil
}

// WithPrefix stores keys as prefix+key instead of DefaultPrefix+key; it returns s.
func (s *Store) WithPrefix(prefix string) *Store {
	s.prefix = prefix
	return s
}

// Claim claims key for ttl (0: store.DefaultTTL) and reports whether it was the first.
func (s *Store) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ttl, err := store.Check(key, ttl)
	if err != nil {
		return false, err
	}
	// SET NX with a whole number of milliseconds: go-redis sends PX for it.
	return s.client.SetNX(ctx, s.prefix+key, 1, ttl.Round(time.Millisecond)).Result()
}

// Release forgets the claim on key.
func (s *Store) Release(ctx context.Context, key string) error {
	if key == "" {
		return store.ErrEmptyKey
	}
	return s.client.Del(ctx, s.prefix+key).Err()
}

// Close closes the client Open made; a client given to New is left open.
func (s *Store) Close() error {
	if !s.owned {
		return nil
	}
	return s.client.Close()
}
