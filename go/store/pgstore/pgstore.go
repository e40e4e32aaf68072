// Package pgstore keeps hookseal claims in PostgreSQL (pgx), shared by every receiver
// that reaches the database: a claim is one INSERT … ON CONFLICT, atomic under the
// primary key. The pool reconnects after a server restart.
//
// The layout is the one every runtime's PostgreSQL store uses (docs/stores.md):
// hookseal_claims (key text PRIMARY KEY, expires_at timestamptz, token text). A row
// with a token is a processing lease until expires_at; a row without one is done until
// expires_at. A table of the previous layout (no token column) gets the column when
// opened, and its rows read as done.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync/atomic"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$`)

// DefaultConnectTimeout is how long Open's pool waits for a connection unless the URL
// sets connect_timeout: below the 8–10 s a provider waits for an answer.
const DefaultConnectTimeout = 3 * time.Second

// sweepEvery is how many claims pass between two sweeps of expired rows.
const sweepEvery = 1000

// Store is a store.Store in a PostgreSQL table. Safe for concurrent use.
type Store struct {
	pool             *pgxpool.Pool
	owned            bool
	sql              statements
	claimsSinceSweep atomic.Int64
	// Timeout bounds each operation (store.DefaultTimeout unless changed before use).
	Timeout time.Duration
}

type statements struct {
	claim, read, complete, release, sweep string
}

var _ store.Store = (*Store)(nil)

// New keeps claims in table (default "hookseal_claims" when "") through pool (yours
// to close), creating the table if it is missing and adding the token column to a
// table of the previous layout.
func New(ctx context.Context, pool *pgxpool.Pool, table string) (*Store, error) {
	if table == "" {
		table = "hookseal_claims"
	}
	if !plainName.MatchString(table) {
		return nil, fmt.Errorf("pgstore: not a plain SQL table name: %q", table)
	}
	for _, ddl := range []string{
		`CREATE TABLE IF NOT EXISTS ` + table + ` (key text PRIMARY KEY, expires_at timestamptz NOT NULL, token text)`,
		`ALTER TABLE ` + table + ` ADD COLUMN IF NOT EXISTS token text`,
	} {
		_, err := pool.Exec(ctx, ddl)
		var pgErr *pgconn.PgError
		// Another receiver created the table or added the column at the same moment.
		if errors.As(err, &pgErr) && (pgErr.Code == "42P07" || pgErr.Code == "23505" || pgErr.Code == "42701") {
			err = nil
		}
		if err != nil {
			return nil, fmt.Errorf("pgstore: creating %s: %w", table, err)
		}
	}
	return &Store{pool: pool, sql: statementsFor(table), Timeout: store.DefaultTimeout}, nil
}

func statementsFor(table string) statements {
	return statements{
		// A new key is inserted; an expired one taken over; a live one left alone, and
		// then no row comes back.
		claim: `INSERT INTO ` + table + ` AS t (key, expires_at, token)
			VALUES ($1, now() + $2 * interval '1 millisecond', $3)
			ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at, token = EXCLUDED.token
			WHERE t.expires_at <= now()
			RETURNING 1`,
		read: `SELECT token, GREATEST(0, EXTRACT(EPOCH FROM expires_at - now()) * 1000)::bigint
			FROM ` + table + ` WHERE key = $1 AND expires_at > now()`,
		complete: `UPDATE ` + table + ` SET token = NULL, expires_at = now() + $3 * interval '1 millisecond'
			WHERE key = $1 AND token = $2`,
		release: `DELETE FROM ` + table + ` WHERE key = $1 AND token = $2`,
		sweep:   `DELETE FROM ` + table + ` WHERE expires_at <= now()`,
	}
}

// Open connects to the database at url ("postgres://user@host:port/db") with a pool
// of its own, which Close closes; connect_timeout is DefaultConnectTimeout unless the
// URL sets one.
func Open(ctx context.Context, url string) (*Store, error) {
	config, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if config.ConnConfig.ConnectTimeout == 0 {
		config.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, config)
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

// Claim takes a processing lease on key for lease (0: store.DefaultLease).
func (s *Store) Claim(ctx context.Context, key string, lease time.Duration) (store.Claim, error) {
	return store.ClaimInSteps(ctx, s, key, lease, s.Timeout, s.claimOnce, s.sweep)
}

// claimOnce is one INSERT and, when the key is held, one SELECT; a zero Outcome
// means that the row vanished in between.
func (s *Store) claimOnce(ctx context.Context, key, token string, lease time.Duration) (store.Claim, error) {
	tag, err := s.pool.Exec(ctx, s.sql.claim, key, lease.Milliseconds(), token)
	if err != nil {
		return store.Claim{}, err
	}
	if tag.RowsAffected() == 1 {
		return store.Claim{Outcome: store.First, Token: token}, nil
	}
	var held *string
	var leftMs int64
	switch err := s.pool.QueryRow(ctx, s.sql.read, key).Scan(&held, &leftMs); {
	case errors.Is(err, pgx.ErrNoRows):
		return store.Claim{}, nil
	case err != nil:
		return store.Claim{}, err
	case held != nil:
		return store.Claim{Outcome: store.Processing, LeaseLeft: time.Duration(leftMs) * time.Millisecond}, nil
	}
	return store.Claim{Outcome: store.Done}, nil
}

// sweep deletes expired rows every sweepEvery claims (an expired row is taken over on
// a repeat anyway; this keeps the rest from piling up). Best-effort, after the claim's
// answer is known, in a statement of its own: its failure never fails a claim.
func (s *Store) sweep(ctx context.Context) {
	if s.claimsSinceSweep.Add(1)%sweepEvery == 0 {
		_, _ = s.pool.Exec(ctx, s.sql.sweep)
	}
}

// Complete marks key done for ttl (0: store.DefaultTTL), if token still owns it.
func (s *Store) Complete(ctx context.Context, key, token string, ttl time.Duration) error {
	ttl, err := store.CheckComplete(key, token, ttl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	_, err = s.pool.Exec(ctx, s.sql.complete, key, token, ttl.Milliseconds())
	return err
}

// Release deletes the claim on key, if token still owns it.
func (s *Store) Release(ctx context.Context, key, token string) error {
	if err := store.CheckRelease(key, token); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	_, err := s.pool.Exec(ctx, s.sql.release, key, token)
	return err
}

// Close closes the pool Open made; a pool given to New is left open.
func (s *Store) Close() error {
	if s.owned {
		s.pool.Close()
	}
	return nil
}
