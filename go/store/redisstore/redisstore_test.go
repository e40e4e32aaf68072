package redisstore_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/redisstore"
	"github.com/hookseal/hookseal/go/store/storetest"
	"github.com/redis/go-redis/v9"
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

func TestCrash(t *testing.T) {
	storetest.Crash(t, storetest.ServerURL(t, "HOOKSEAL_TEST_REDIS_URL"))
}

// A key written by the previous version ("1") reads as done.
func TestMigrationOfTheOldLayout(t *testing.T) {
	opts, err := redis.ParseURL(storetest.ServerURL(t, "HOOKSEAL_TEST_REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opts)
	defer client.Close()
	key := "saleslab:old:" + storetest.RunID()
	if err := client.Set(context.Background(), redisstore.DefaultPrefix+key, 1, time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	storetest.MustClaim(t, redisstore.New(client), key, 0, store.Done)
}

func BenchmarkClaim(b *testing.B) {
	storetest.Bench(b, storetest.Must(b)(redisstore.Open(storetest.ServerURL(b, "HOOKSEAL_TEST_REDIS_URL"))))
}
