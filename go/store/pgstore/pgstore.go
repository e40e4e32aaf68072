// Package pgstore keeps hookseal claims in PostgreSQL (pgx): one INSERT … ON CONFLICT
// per claim, atomic under the primary key and shared by every receiver that reaches
// the database. The table is created if missing.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync/atomic"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$`)

// Store is a store.Store in a PostgreSQL table. Safe for concurrent use.
type Store struct {
	pool                 *pgxpool.Pool
	owned                bool
	claimSQL, releaseSQL string
	sweepSQL             string
	claimsSinceSweep     atomic.Int64
}

var _ store.Store = (*Store)(nil)

// New keeps claims in table (default "hookseal_claims" when "") through pool (yours
// to close), creating the table if it is missing.
func New(ctx context.Context, pool *pgxpool.Pool, table string) (*Store, error) {
	if table == "" {
		table = "hookseal_claims"
	}
	if !plainName.MatchString(table) {
		return nil, fmt.Errorf("pgstore: not a plain SQL table name: %q", table)
	}
	_, err := pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+table+
		` (key text PRIMARY KEY, expires_at timestamptz NOT NULL)`)
	var pgErr *pgconn.PgError
	// Another receiver created the same table at the same moment: it exists.
	if errors.As(err, &pgErr) && (pgErr.Code == "42P07" || pgErr.Code == "23505") {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("pgstore: creating %s: %w", table, err)
	}
	return &Store{
		pool: pool,
		// ON CONFLICT DO NOTHING, except that an expired claim is taken over: a row
		// comes back only when this statement inserted or took over the key.
		claimSQL: `INSERT INTO ` + table + ` AS t (key, expires_at)
			VALUES ($1, now() + $2 * interval '1 millisecond')
			ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE t.expires_at <= now()
			RETURNING 1`,
		releaseSQL: `DELETE FROM ` + table + ` WHERE key = $1`,
		sweepSQL:   `DELETE FROM ` + table + ` WHERE expires_at <= now()`,
	}, nil
}

// Open connects to the database at url ("postgres://user@host:port/db") with a pool
// of its own, which Close closes.
func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, err
	}
	s, err := New(ctx, pool, "")
	if err != nil {
		pool.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// Claim claims key for ttl (0: store.DefaultTTL) and reports whether it was the first.
func (s *Store) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ttl, err := store.Check(key, ttl)
	if err != nil {
		return false, err
	}
	tag, err := s.pool.Exec(ctx, s.claimSQL, key, ttl.Milliseconds())
	if err != nil {
		return false, err
	}
	if s.claimsSinceSweep.Add(1)%1000 == 0 {
		if _, err := s.pool.Exec(ctx, s.sweepSQL); err != nil {
			return false, err
		}
	}
	return tag.RowsAffected() == 1, nil
}

// Release forgets the claim on key.
func (s *Store) Release(ctx context.Context, key string) error {
	if key == "" {
		return store.ErrEmptyKey
	}
	_, err := s.pool.Exec(ctx, s.releaseSQL, key)
	return err
}

// Close closes the pool Open made; a pool given to New is left open.
func (s *Store) Close() error {
	if s.owned {
		s.pool.Close()
	}
	return nil
}
