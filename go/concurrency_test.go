package hookseal

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
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

// Close racing 64 goroutines that verify and read envelopes: every call either gives
// the right answer or ErrClosed, never a crash or a read of freed memory (this suite
// also runs under -race and -asan).
func TestCloseWhileVerifying(t *testing.T) {
	for round := 0; round < 5; round++ {
		v, err := NewVerifier("saleslab", WithSecrets("sl_secret"))
		if err != nil {
			t.Fatal(err)
		}
		const goroutines = 64
		var wg sync.WaitGroup
		started := make(chan struct{}, goroutines)
		failures := make(chan string, goroutines)
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				body := []byte(`{"event_kind":"badge.awarded","delivery_id":"d_` + strconv.Itoa(g) + `"}`)
				h, _ := Sign("saleslab", "sl_secret", body)
				started <- struct{}{}
				for i := 0; i < 200; i++ {
					got, err := v.Verify(body, h)
					if errors.Is(err, ErrClosed) {
						return
					}
					if err != nil {
						failures <- "verify: " + err.Error()
						return
					}
					env, err := got.ReadEnvelope()
					if err == nil && env.EventID != "d_"+strconv.Itoa(g) {
						failures <- "a wrong envelope: " + env.EventID
						return
					}
					if err != nil && !errors.Is(err, ErrClosed) {
						failures <- "envelope: " + err.Error()
						return
					}
				}
			}(g)
		}
		for g := 0; g < goroutines; g++ {
			<-started
		}
		if err := v.Close(); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Error(f)
		}
	}
}

// A Verified whose envelope was not read before Close says so (ErrClosed) rather than
// giving an empty key, and DeliveryKey then never names a claim; one read before
// Close keeps its answer.
func TestEnvelopeAfterClose(t *testing.T) {
	v, _ := NewVerifier("saleslab", WithSecrets("s"))
	body := []byte(`{"event_kind":"badge.awarded","delivery_id":"d_1"}`)
	h, _ := Sign("saleslab", "s", body)
	read, _ := v.Verify(body, h)
	_ = read.IdempotencyKey()
	unread, _ := v.Verify(body, h)
	_ = v.Close()
	if env, err := read.ReadEnvelope(); err != nil || env.EventID != "d_1" {
		t.Fatalf("read before Close: %+v, %v", env, err)
	}
	if _, err := unread.ReadEnvelope(); !errors.Is(err, ErrClosed) {
		t.Fatalf("unread before Close: %v, want ErrClosed", err)
	}
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r = r.WithContext(context.WithValue(r.Context(), contextKey{}, &unread))
	if key := DeliveryKey(r); key != "" {
		t.Fatalf("DeliveryKey after Close: %q, want none", key)
	}
	r = r.WithContext(context.WithValue(r.Context(), contextKey{}, &read))
	if key := DeliveryKey(r); key != "saleslab:d_1" {
		t.Fatalf("DeliveryKey: %q", key)
	}
}
