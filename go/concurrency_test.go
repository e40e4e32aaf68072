package hookseal

import (
	"errors"
	"strconv"
	"sync"
	"testing"
)

// One Verifier shared by 64 goroutines, accepted and rejected deliveries interleaved;
// under -race this also checks the lazy envelope and the pinning of header values.
func TestConcurrentVerification(t *testing.T) {
	v, err := NewVerifier("saleslab", WithSecrets("old", "sl_secret"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	const goroutines, rounds = 64, 50
	var wg sync.WaitGroup
	failures := make(chan string, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			body := []byte(`{"event_kind":"badge.awarded","delivery_id":"d_` + strconv.Itoa(g) + `"}`)
			h, err := Sign("saleslab", "sl_secret", body)
			if err != nil {
				failures <- err.Error()
				return
			}
			for i := 0; i < rounds; i++ {
				got, err := v.Verify(body, h)
				if err != nil || got.SecretIndex != 1 || got.EventID() != "d_"+strconv.Itoa(g) {
					failures <- "goroutine " + strconv.Itoa(g) + ": accepted delivery went wrong"
					return
				}
				if _, err := v.Verify(append(body, ' '), h); !errors.Is(err, ErrSignatureMismatch) {
					failures <- "goroutine " + strconv.Itoa(g) + ": tampered delivery: " + errString(err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}

// One Verified read from several goroutines at once: the envelope is read once, safely.
func TestVerifiedEnvelopeFromSeveralGoroutines(t *testing.T) {
	v, _ := NewVerifier("salesos", WithSecrets("s"))
	defer v.Close()
	body := []byte(`{"id":"evt_1","type":"deal.won","data":{}}`)
	h, _ := Sign("salesos", "s", body)
	got, err := v.Verify(body, h)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got.Kind() != "deal.won" || got.IdempotencyKey() != "evt_1" {
				t.Error("wrong envelope")
			}
		}()
	}
	wg.Wait()
}

func errString(err error) string {
	if err == nil {
		return "accepted"
	}
	return err.Error()
}
