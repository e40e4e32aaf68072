package sqlitestore_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/sqlitestore"
	"github.com/hookseal/hookseal/go/store/storetest"
)

func TestMain(m *testing.M) {
	storetest.ServeIfReceiver(func(path string) (store.Store, error) { return sqlitestore.Open(path) })
	os.Exit(m.Run())
}

func TestContract(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.db")
	storetest.Run(t, func(t *testing.T) store.Store { return storetest.Must(t)(sqlitestore.Open(path)) }, true)
}

func TestTwoReceivers(t *testing.T) {
	storetest.TwoReceivers(t, filepath.Join(t.TempDir(), "claims.db"), true)
}

func TestCrash(t *testing.T) {
	storetest.Crash(t, filepath.Join(t.TempDir(), "claims.db"))
}

// A file written by the previous version (no token column): opening it adds the
// column, and its claims read as done.
func TestMigrationOfTheOldLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE hookseal_claims (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO hookseal_claims VALUES ('saleslab:old', ?)`, time.Now().Add(time.Hour).UnixMilli()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := storetest.Must(t)(sqlitestore.Open(path))
	storetest.MustClaim(t, s, "saleslab:old", 0, store.Done)
	storetest.MustClaim(t, s, "saleslab:new", 0, store.First)
	// Opened again (another receiver): the column is there already.
	storetest.MustClaim(t, storetest.Must(t)(sqlitestore.Open(path)), "saleslab:new", 0, store.Processing)
}

func TestTableNamesArePlain(t *testing.T) {
	if _, err := sqlitestore.OpenTable(filepath.Join(t.TempDir(), "x.db"), "claims; DROP TABLE x"); err == nil {
		t.Fatal("a table name with SQL in it was accepted")
	}
}

func BenchmarkClaim(b *testing.B) {
	storetest.Bench(b, storetest.Must(b)(sqlitestore.Open(filepath.Join(b.TempDir(), "claims.db"))))
}
