// Package sqlitestore keeps hookseal claims in a SQLite file, shared by every process
// on one machine (modernc.org/sqlite: pure Go, no cgo). WAL and a busy timeout let
// several receivers write the same file; a claim is one INSERT … ON CONFLICT, so
// SQLite's write lock makes it atomic across processes.
//
// The layout is the one every runtime's SQLite store uses (docs/stores.md):
// hookseal_claims (key TEXT PRIMARY KEY, expires_at INTEGER ms since the epoch, token
// TEXT). A row with a token is a processing lease until expires_at; a row without one
// is done until expires_at. A table of the previous layout (no token column) gets the
// column when opened, and its rows read as done.
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hookseal/hookseal/go/store"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// sweepEvery is how many claims pass between two sweeps of expired rows.
const sweepEvery = 1000

// Store is a store.Store in a SQLite database. Safe for concurrent use.
type Store struct {
	db               *sql.DB
	sql              statements
	claimsSinceSweep atomic.Int64
	now              func() time.Time
	// Timeout bounds each operation (store.DefaultTimeout unless changed before use).
	Timeout time.Duration
}

type statements struct {
	claim, read, complete, release, sweep string
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database file at path and its table
// hookseal_claims.
func Open(path string) (*Store, error) { return OpenTable(path, "hookseal_claims") }

// OpenTable is Open with another table name (letters, digits and _).
func OpenTable(path, table string) (*Store, error) {
	if !plainName.MatchString(table) {
		return nil, fmt.Errorf("sqlitestore: not a plain SQL table name: %q", table)
	}
	// The pragmas apply to every connection the pool opens. WAL with NORMAL syncs at
	// checkpoints, not at every claim: a power cut may forget the last claims (a retry
	// then runs again), a crashed process never.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := migrate(db, table); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, sql: statementsFor(table), now: time.Now, Timeout: store.DefaultTimeout}, nil
}

// migrate creates the table, or adds the token column to a table of the previous
// layout, whose rows (no token) then read as done.
func migrate(db *sql.DB, table string) error {
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS ` + table +
		` (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, token TEXT)`); err != nil {
		return fmt.Errorf("sqlitestore: creating %s: %w", table, err)
	}
	_, err := db.Exec(`ALTER TABLE ` + table + ` ADD COLUMN token TEXT`)
	// Present already: a new table, or another receiver added it at the same moment.
	if err != nil && !strings.Contains(err.Error(), "duplicate column") {
		return fmt.Errorf("sqlitestore: adding the token column to %s: %w", table, err)
	}
	return nil
}

func statementsFor(table string) statements {
	return statements{
		// A new key is inserted; an expired one taken over; a live one left alone, and
		// then no row changes.
		claim: `INSERT INTO ` + table + ` (key, expires_at, token) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, token = excluded.token
			WHERE ` + table + `.expires_at <= ?`,
		read:     `SELECT token, expires_at FROM ` + table + ` WHERE key = ? AND expires_at > ?`,
		complete: `UPDATE ` + table + ` SET token = NULL, expires_at = ? WHERE key = ? AND token = ?`,
		release:  `DELETE FROM ` + table + ` WHERE key = ? AND token = ?`,
		sweep:    `DELETE FROM ` + table + ` WHERE expires_at <= ?`,
	}
}

// Claim takes a processing lease on key for lease (0: store.DefaultLease).
func (s *Store) Claim(ctx context.Context, key string, lease time.Duration) (store.Claim, error) {
	return store.ClaimInSteps(ctx, s, key, lease, s.Timeout, s.claimOnce, s.sweep)
}

// claimOnce is one INSERT and, when the key is held, one SELECT; a zero Outcome
// means that the row vanished in between.
func (s *Store) claimOnce(ctx context.Context, key, token string, lease time.Duration) (store.Claim, error) {
	now := s.now().UnixMilli()
	res, err := s.db.ExecContext(ctx, s.sql.claim, key, now+lease.Milliseconds(), token, now)
	if err != nil {
		return store.Claim{}, err
	}
	if changed, err := res.RowsAffected(); err != nil || changed == 1 {
		return store.Claim{Outcome: store.First, Token: token}, err
	}
	var held sql.NullString
	var expires int64
	switch err := s.db.QueryRowContext(ctx, s.sql.read, key, now).Scan(&held, &expires); {
	case errors.Is(err, sql.ErrNoRows):
		return store.Claim{}, nil
	case err != nil:
		return store.Claim{}, err
	case held.Valid:
		return store.Claim{Outcome: store.Processing, LeaseLeft: time.Duration(expires-now) * time.Millisecond}, nil
	}
	return store.Claim{Outcome: store.Done}, nil
}

// sweep deletes expired rows every sweepEvery claims (an expired row is taken over on
// a repeat anyway; this keeps the rest from piling up). Best-effort, after the claim's
// answer is known, in a statement of its own: its failure never fails a claim.
func (s *Store) sweep(ctx context.Context) {
	if s.claimsSinceSweep.Add(1)%sweepEvery == 0 {
		_, _ = s.db.ExecContext(ctx, s.sql.sweep, s.now().UnixMilli())
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
	_, err = s.db.ExecContext(ctx, s.sql.complete, s.now().UnixMilli()+ttl.Milliseconds(), key, token)
	return err
}

// Release deletes the claim on key, if token still owns it.
func (s *Store) Release(ctx context.Context, key, token string) error {
	if err := store.CheckRelease(key, token); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, s.sql.release, key, token)
	return err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }
