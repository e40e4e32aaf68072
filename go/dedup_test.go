package hookseal

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookseal/hookseal/go/store"
)

func TestMiddlewareWithStoreRunsTheHandlerOncePerDelivery(t *testing.T) {
	v, err := NewVerifier("salesbooth", WithSecrets("whsec_test"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var calls atomic.Int32
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":"yes"}`))
	})
	srv := httptestServer(t, v.MiddlewareWithStore(store.NewMemory(0), 0, handler))
	body := []byte(`{"event":"deal.created","id":"evt_1","data":{}}`)
	h, _ := Sign("salesbooth", "whsec_test", body, WithTimestamp(time.Now()))
	for i, want := range []map[string]string{{"ok": "yes"}, {"duplicate": "true"}} {
		status, out := postRaw(t, srv, body, h)
		if status != 200 || (i == 0 && out != `{"ok":"yes"}`) || (i == 1 && out != `{"duplicate":true}`) {
			t.Fatalf("delivery %d: %d %s, want %v", i, status, out, want)
		}
	}
	if calls.Load() != 1 {
		t.Fatalf("the handler ran %d times", calls.Load())
	}
	if DeliveryKey(&http.Request{}) != "" {
		t.Fatal("an unverified request has no key")
	}
}
