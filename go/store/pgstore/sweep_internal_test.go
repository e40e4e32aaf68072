package pgstore

import (
	"context"
	"testing"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/storetest"
)

// A sweep that fails (here: a statement the database refuses) never fails the claim
// it follows, nor leaves a claim behind that would make the retry a "duplicate".
func TestSweepFailureNeverFailsAClaim(t *testing.T) {
	s, err := Open(context.Background(), storetest.ServerURL(t, "HOOKSEAL_TEST_POSTGRES_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.sql.sweep = `DELETE FROM no_such_table`
	sweepNext := func() { s.claimsSinceSweep.Store(sweepEvery - 1) }
	key := "sweep:" + storetest.RunID()
	sweepNext()
	first := storetest.MustClaim(t, s, key, 0, store.First)
	if err := s.Release(context.Background(), key, first.Token); err != nil {
		t.Fatal(err)
	}
	sweepNext()
	storetest.MustClaim(t, s, key, 0, store.First)
}
