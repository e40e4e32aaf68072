package hookseal

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// A real HTTP server on loopback, the middleware in front of a handler that records
// what it was given.
func newTestServer(t *testing.T, v *Verifier) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		verified, ok := FromContext(r.Context())
		if !ok {
			http.Error(w, "no verified delivery in the context", 500)
			return
		}
		body, _ := io.ReadAll(r.Body)
		if !bytes.Equal(body, verified.Body) {
			http.Error(w, "r.Body was not restored", 500)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"kind": verified.Kind(), "key": verified.IdempotencyKey()})
	})
	srv := httptest.NewServer(v.Middleware(handler))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func httptestServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// postRaw posts body with h and returns the status and the raw answer.
func postRaw(t *testing.T, url string, body []byte, h http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func post(t *testing.T, url string, body []byte, h http.Header) (int, map[string]string) {
	t.Helper()
	status, raw := postRaw(t, url, body, h)
	var out map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("status %d, body is not JSON: %v", status, err)
	}
	return status, out
}

func TestMiddleware(t *testing.T) {
	const secret = "whsec_test"
	v, err := NewVerifier("salesbooth", WithSecrets(secret), WithMaxBody(1024))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	srv, calls := newTestServer(t, v)
	body := []byte(`{"event":"deal.created","id":"evt_1","tenant_id":"tenant_abc123","data":{}}`)
	signed, err := Sign("salesbooth", secret, body, WithTimestamp(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	stale, _ := Sign("salesbooth", secret, body, WithTimestamp(time.Now().Add(-time.Hour)))
	big := bytes.Repeat([]byte("x"), 2048)
	bigSigned, _ := Sign("salesbooth", secret, big, WithTimestamp(time.Now()))
	missing := signed.Clone()
	missing.Del("X-Salesbooth-Signature")

	cases := []struct {
		name   string
		body   []byte
		h      http.Header
		status int
		code   string
	}{
		{"accepted", body, signed, 200, ""},
		{"tampered", append([]byte(nil), bytes.Replace(body, []byte("evt_1"), []byte("evt_2"), 1)...), signed, 401, "signature_mismatch"},
		{"stale", body, stale, 400, "timestamp_too_old"},
		{"missing header", body, missing, 400, "missing_signature"},
		{"oversize", big, bigSigned, 413, "payload_too_large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := calls.Load()
			status, out := post(t, srv.URL, c.body, c.h)
			if status != c.status {
				t.Fatalf("status %d, want %d (%v)", status, c.status, out)
			}
			if c.code == "" {
				if out["kind"] != "deal.created" || out["key"] != "evt_1" || calls.Load() != before+1 {
					t.Fatalf("handler saw %v", out)
				}
				return
			}
			if out["error"] != c.code || out["message"] == "" {
				t.Fatalf("answer %v, want error %s", out, c.code)
			}
			if calls.Load() != before {
				t.Fatal("the handler ran for a rejected delivery")
			}
		})
	}
}

func TestMiddlewareOversizeWithoutContentLength(t *testing.T) {
	v, err := NewVerifier("saleslab", WithSecrets("s"), WithMaxBody(10))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	srv, _ := newTestServer(t, v)
	// A chunked body: no Content-Length for the server to reject up front.
	req, _ := http.NewRequest(http.MethodPost, srv.URL, io.MultiReader(bytes.NewReader(make([]byte, 11))))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 413 || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d (%s)", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	want, _ := strconv.Atoi(resp.Header.Get("Content-Length"))
	if want == 0 {
		t.Fatal("no JSON body")
	}
}
