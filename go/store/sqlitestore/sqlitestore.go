// Package sqlitestore keeps hookseal claims in a SQLite file, shared by every process
// on one machine (modernc.org/sqlite: pure Go, no cgo). WAL and a busy timeout let
// several receivers write the same file; a claim is one INSERT, so SQLite's write lock
// makes it atomic across processes.
package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"regexp"
	"sync/atomic"
	"time"

	"github.com/hookseal/hookseal/go/store"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Store is a store.Store in a SQLite database. Safe for concurrent use.
type Store struct {
	db                   *sql.DB
	claimSQL, releaseSQL string
	sweepSQL             string
	claimsSinceSweep     atomic.Int64
	now                  func() time.Time
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
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS ` + table +
		` (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlitestore: creating %s: %w", table, err)
	}
	return &Store{
		db: db,
		// A new key is inserted; an expired one taken over; a live one left alone, and
		// then no row changes: a duplicate.
		claimSQL: `INSERT INTO ` + table + ` (key, expires_at) VALUES (?, ?) ON CONFLICT (key)
			DO UPDATE SET expires_at = excluded.expires_at WHERE ` + table + `.expires_at <= ?`,
		releaseSQL: `DELETE FROM ` + table + ` WHERE key = ?`,
		sweepSQL:   `DELETE FROM ` + table + ` WHERE expires_at <= ?`,
		now:        time.Now,
	}, nil
}

// Claim claims key for ttl (0: store.DefaultTTL) and reports whether it was the first.
func (s *Store) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ttl, err := store.Check(key, ttl)
	if err != nil {
		return false, err
	}
	now := s.now().UnixMilli()
	res, err := s.db.ExecContext(ctx, s.claimSQL, key, now+ttl.Milliseconds(), now)
	if err != nil {
		return false, err
	}
	changed, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	// Expired rows are taken over on a repeat; this keeps the rest from piling up.
	if s.claimsSinceSweep.Add(1)%1000 == 0 {
		if _, err := s.db.ExecContext(ctx, s.sweepSQL, now); err != nil {
			return false, err
		}
	}
	return changed == 1, nil
}

// Release forgets the claim on key.
func (s *Store) Release(ctx context.Context, key string) error {
	if key == "" {
		return store.ErrEmptyKey
	}
	_, err := s.db.ExecContext(ctx, s.releaseSQL, key)
	return err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }
