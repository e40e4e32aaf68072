package store_test

import (
	"context"
	"fmt"

	"github.com/hookseal/hookseal/go/store"
)

func ExampleMemory() {
	ctx := context.Background()
	s := store.NewMemory(10_000)
	first, _ := s.Claim(ctx, "saleslab:evt_1", 0)
	again, _ := s.Claim(ctx, "saleslab:evt_1", 0)
	fmt.Println(first.Outcome, again.Outcome)         // a retry while the handler runs
	_ = s.Release(ctx, "saleslab:evt_1", first.Token) // the handler failed: let the retry run
	retry, _ := s.Claim(ctx, "saleslab:evt_1", 0)
	_ = s.Complete(ctx, "saleslab:evt_1", retry.Token, 0) // the handler answered 2xx
	replay, _ := s.Claim(ctx, "saleslab:evt_1", 0)
	fmt.Println(retry.Outcome, replay.Outcome)
	// Output:
	// first processing
	// first done
}
