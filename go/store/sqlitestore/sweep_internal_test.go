package sqlitestore

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hookseal/hookseal/go/store"
	"github.com/hookseal/hookseal/go/store/storetest"
)

// A sweep that fails (here: a statement the database refuses) never fails the claim
// it follows, nor leaves a claim behind that would make the retry a "duplicate".
func TestSweepFailureNeverFailsAClaim(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "claims.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.sql.sweep = `DELETE FROM no_such_table`
	sweepNext := func() { s.claimsSinceSweep.Store(sweepEvery - 1) }
	sweepNext()
	first := storetest.MustClaim(t, s, "k", 0, store.First)
	// The handler failed: released, and the retry (sweeping again) runs it.
	if err := s.Release(context.Background(), "k", first.Token); err != nil {
		t.Fatal(err)
	}
	sweepNext()
	storetest.MustClaim(t, s, "k", 0, store.First)
}
