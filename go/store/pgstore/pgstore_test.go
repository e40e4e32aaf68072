package pgstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/pgstore"
	"github.com/hookseal/hookseal/go/store/storetest"
	"github.com/jackc/pgx/v5/pgxpool"
)

func TestMain(m *testing.M) {
	storetest.ServeIfReceiver(func(url string) (store.Store, error) { return pgstore.Open(context.Background(), url) })
	os.Exit(m.Run())
}

func TestContract(t *testing.T) {
	url := storetest.ServerURL(t, "HOOKSEAL_TEST_POSTGRES_URL")
	storetest.Run(t, func(t *testing.T) store.Store { return storetest.Must(t)(pgstore.Open(context.Background(), url)) }, true)
}

func TestTwoReceivers(t *testing.T) {
	storetest.TwoReceivers(t, storetest.ServerURL(t, "HOOKSEAL_TEST_POSTGRES_URL"), true)
}

func TestCrash(t *testing.T) {
	storetest.Crash(t, storetest.ServerURL(t, "HOOKSEAL_TEST_POSTGRES_URL"))
}

// A table written by the previous version (no token column): New adds the column, and
// its claims read as done.
func TestMigrationOfTheOldLayout(t *testing.T) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, storetest.ServerURL(t, "HOOKSEAL_TEST_POSTGRES_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	table := "hookseal_claims_old_" + storetest.RunID()
	for _, sql := range []string{
		`CREATE TABLE ` + table + ` (key text PRIMARY KEY, expires_at timestamptz NOT NULL)`,
		`INSERT INTO ` + table + ` VALUES ('saleslab:old', now() + interval '1 hour')`,
	} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	defer pool.Exec(ctx, `DROP TABLE `+table)
	s, err := pgstore.New(ctx, pool, table)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustClaim(t, s, "saleslab:old", 0, store.Done)
	storetest.MustClaim(t, s, "saleslab:new", 0, store.First)
	again, err := pgstore.New(ctx, pool, table) // the column is there already
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustClaim(t, again, "saleslab:new", 0, store.Processing)
}

func TestTableNamesArePlain(t *testing.T) {
	if _, err := pgstore.New(context.Background(), nil, "claims; DROP TABLE x"); err == nil {
		t.Fatal("a table name with SQL in it was accepted")
	}
}

func BenchmarkClaim(b *testing.B) {
	// A connection per client at 16 clients (pgxpool's default is 4 on this machine).
	url := storetest.ServerURL(b, "HOOKSEAL_TEST_POSTGRES_URL") + "?pool_max_conns=16"
	storetest.Bench(b, storetest.Must(b)(pgstore.Open(context.Background(), url)))
}
