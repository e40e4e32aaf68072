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
	fmt.Println(first, again)
	_ = s.Release(ctx, "saleslab:evt_1") // the handler failed: let the retry run
	retry, _ := s.Claim(ctx, "saleslab:evt_1", 0)
	fmt.Println(retry)
	// Output:
	// true false
	// true
}
