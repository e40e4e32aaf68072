package main

import (
	"net/http/httptest"
	"testing"

	"example.com/hookseal-frameworks/internal/receivertest"
	"github.com/gin-gonic/gin"
	"github.com/hookseal/hookseal/go/store"
)

func TestReceiver(t *testing.T) {
	gin.SetMode(gin.TestMode)
	r, err := serve(receivertest.Secrets, store.NewMemory(0))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(r)
	defer srv.Close()
	receivertest.CheckReceiver(t, srv.URL)
}
