package pgstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/pgstore"
	"github.com/hookseal/hookseal/go/store/storetest"
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
