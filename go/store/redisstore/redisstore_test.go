package redisstore_test

import (
	"os"
	"testing"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/redisstore"
	"github.com/hookseal/hookseal/go/store/storetest"
)

func TestMain(m *testing.M) {
	storetest.ServeIfReceiver(func(url string) (store.Store, error) { return redisstore.Open(url) })
	os.Exit(m.Run())
}

func TestContract(t *testing.T) {
	url := storetest.ServerURL(t, "HOOKSEAL_TEST_REDIS_URL")
	storetest.Run(t, func(t *testing.T) store.Store { return storetest.Must(t)(redisstore.Open(url)) }, true)
}

func TestTwoReceivers(t *testing.T) {
	storetest.TwoReceivers(t, storetest.ServerURL(t, "HOOKSEAL_TEST_REDIS_URL"), true)
}

func BenchmarkClaim(b *testing.B) {
	storetest.Bench(b, storetest.Must(b)(redisstore.Open(storetest.ServerURL(b, "HOOKSEAL_TEST_REDIS_URL"))))
}
