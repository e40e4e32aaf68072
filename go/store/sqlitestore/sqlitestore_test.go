package sqlitestore_test

import (
	"os"
	"path/filepath"
	"testing"

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

func TestTableNamesArePlain(t *testing.T) {
	if _, err := sqlitestore.OpenTable(filepath.Join(t.TempDir(), "x.db"), "claims; DROP TABLE x"); err == nil {
		t.Fatal("a table name with SQL in it was accepted")
	}
}

func BenchmarkClaim(b *testing.B) {
	storetest.Bench(b, storetest.Must(b)(sqlitestore.Open(filepath.Join(b.TempDir(), "claims.db"))))
}
