// Package redisstore keeps hookseal claims in Redis (go-redis), shared by every
// receiver that reaches the server; Redis expires the keys itself.
//
// The layout is the one every runtime's Redis store uses (docs/stores.md): the key
// "hookseal:<claim key>" holds "lease:<token>" while a delivery is processed (PX the
// lease) and "done" once it was (PX the TTL); any other value (the previous version
// wrote "1") reads as done. Each operation is one Lua script, so it is atomic.
package redisstore

import (
	"context"
	"errors"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/redis/go-redis/v9"
)

// DefaultPrefix is put before every key, so claims are easy to find and keep apart.
const DefaultPrefix = "hookseal:"

// The timeouts Open gives a client unless the URL sets its own: below the 8–10 s a
// provider waits for an answer.
const (
	DefaultDialTimeout    = 3 * time.Second
	DefaultCommandTimeout = 5 * time.Second
)

var (
	// A claim that finds this attempt's own lease is first: go-redis retried a claim
	// whose first try applied (docs/stores.md).
	claimScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], 'lease:'..ARGV[1], 'PX', ARGV[2]) return {1, 0} end
if v == 'lease:'..ARGV[1] then return {1, 0} end
if string.sub(v, 1, 6) == 'lease:' then return {2, redis.call('PTTL', KEYS[1])} end
return {3, 0}`)
	completeScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0`)
	releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`)
)

// Store is a store.Store in Redis. Safe for concurrent use.
type Store struct {
	client redis.UniversalClient
	prefix string
	owned  bool
	// Timeout bounds each operation (store.DefaultTimeout unless changed before use).
	Timeout time.Duration
}

var _ store.Store = (*Store)(nil)

// New keeps claims through client (yours to close, with your timeouts), under
// DefaultPrefix. go-redis reconnects after a server restart by itself.
func New(client redis.UniversalClient) *Store {
	return &Store{client: client, prefix: DefaultPrefix, Timeout: store.DefaultTimeout}
}

// Open connects to the server at url ("redis://host:port/db"; dial_timeout,
// read_timeout and write_timeout may be given in it), with DefaultDialTimeout and
// DefaultCommandTimeout otherwise; Close closes it.
func Open(url string) (*Store, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	if opts.DialTimeout == 0 {
		opts.DialTimeout = DefaultDialTimeout
	}
	if opts.ReadTimeout == 0 {
		opts.ReadTimeout = DefaultCommandTimeout
	}
	if opts.WriteTimeout == 0 {
		opts.WriteTimeout = DefaultCommandTimeout
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

// Claim takes a processing lease on key for lease (0: store.DefaultLease).
func (s *Store) Claim(ctx context.Context, key string, lease time.Duration) (store.Claim, error) {
	lease, err := store.CheckClaim(key, lease)
	if err != nil {
		return store.Claim{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	token := store.NewToken()
	reply, err := claimScript.Run(ctx, s.client, []string{s.prefix + key}, token, lease.Milliseconds()).Int64Slice()
	if err == nil && len(reply) != 2 {
		err = errors.New("redisstore: the claim script answered an unknown shape")
	}
	if err != nil {
		// The SET may have applied before the error (a timeout): release the token.
		return store.ReleaseUnknown(ctx, s, key, token, err)
	}
	switch reply[0] {
	case 1:
		return store.Claim{Outcome: store.First, Token: token}, nil
	case 2:
		return store.Claim{Outcome: store.Processing, LeaseLeft: time.Duration(max(reply[1], 0)) * time.Millisecond}, nil
	}
	return store.Claim{Outcome: store.Done}, nil
}

// Complete marks key done for ttl (0: store.DefaultTTL), if token still owns it.
func (s *Store) Complete(ctx context.Context, key, token string, ttl time.Duration) error {
	ttl, err := store.CheckComplete(key, token, ttl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	return completeScript.Run(ctx, s.client, []string{s.prefix + key}, token, ttl.Milliseconds()).Err()
}

// Release deletes the claim on key, if token still owns it.
func (s *Store) Release(ctx context.Context, key, token string) error {
	if err := store.CheckRelease(key, token); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	return releaseScript.Run(ctx, s.client, []string{s.prefix + key}, token).Err()
}

// Close closes the client Open made; a client given to New is left open.
func (s *Store) Close() error {
	if !s.owned {
		return nil
	}
	return s.client.Close()
}
