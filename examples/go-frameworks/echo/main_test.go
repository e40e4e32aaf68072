package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/hookseal-frameworks/internal/receivertest"
	"github.com/hookseal/hookseal/go/store"
	"github.com/labstack/echo/v5"
)

func start(t *testing.T, handler func(provider string) echo.HandlerFunc) string {
	t.Helper()
	e, err := serve(receivertest.Secrets, store.NewMemory(0), handler)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestReceiver(t *testing.T) { receivertest.CheckReceiver(t, start(t, typed)) }

// A handler's returned error releases the claim: the provider's retry runs it again.
func TestHandlerErrorIsRetried(t *testing.T) {
	runs := 0
	url := start(t, func(provider string) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if runs++; runs == 1 {
				return errors.New("the database is down")
			}
			return typed(provider)(c)
		}
	}) + "/salesos"
	for _, want := range []int{http.StatusInternalServerError, http.StatusOK} {
		if status, answer := receivertest.Post(t, url, "salesos", receivertest.Secrets["salesos"], receivertest.Bodies["salesos"]); status != want {
			t.Fatalf("attempt %d: %d %q, want %d", runs, status, answer, want)
		}
	}
	if runs != 2 {
		t.Fatalf("the handler ran %d times, want 2", runs)
	}
}
