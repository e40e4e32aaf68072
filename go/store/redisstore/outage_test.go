package redisstore_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store/redisstore"
	"github.com/hookseal/hookseal/go/store/storetest"
	"github.com/redis/go-redis/v9"
)

// ownRedis is a redis-server of this test's own on port, so that it can be killed.
func ownRedis(t *testing.T, port int, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("redis-server", "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--dir", dir, "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		t.Skipf("redis-server: %v (scripts/ci/stores.sh installs it)", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	client := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer client.Close()
	for range 100 {
		if client.Ping(context.Background()).Err() == nil {
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("redis-server did not start")
	return nil
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// The store stops mid-test (redis-server SIGKILLed) and comes back on the same port:
// meanwhile a delivery is answered 503 store_unavailable with Retry-After, and never
// becomes a "duplicate"; once the server is back, the retry runs the handler.
func TestServerKilledAndRestarted(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		storetest.ServerURL(t, "HOOKSEAL_TEST_REDIS_URL") // fails when the stores are required
		t.Skip("no redis-server")
	}
	port, dir := freePort(t), t.TempDir()
	server := ownRedis(t, port, dir)
	s := storetest.Must(t)(redisstore.Open("redis://127.0.0.1:" + strconv.Itoa(port) + "/0")).(*redisstore.Store)
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_test"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var runs atomic.Int32
	srv := httptest.NewServer(v.MiddlewareWithStore(s, 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		runs.Add(1)
		w.WriteHeader(http.StatusNoContent)
	})))
	defer srv.Close()
	body := []byte(`{"event":"deal.created","id":"evt_outage_` + storetest.RunID() + `","tenant_id":"t"}`)
	header, _ := hookseal.Sign("salesbooth", "whsec_test", body)
	deliver := func() (int, string, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header = header.Clone()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		reply, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Retry-After"), string(reply)
	}

	_ = server.Process.Kill()
	_ = server.Wait()
	status, retry, reply := deliver()
	if status != http.StatusServiceUnavailable || retry != "5" || !strings.Contains(reply, `"error":"store_unavailable"`) {
		t.Fatalf("with the store down: %d Retry-After %q %s", status, retry, reply)
	}
	if runs.Load() != 0 {
		t.Fatal("the handler ran without a claim")
	}

	ownRedis(t, port, dir)
	// The client reconnects by itself; a provider retries after Retry-After.
	for range 20 {
		if status, _, _ = deliver(); status != http.StatusServiceUnavailable {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if status != http.StatusNoContent || runs.Load() != 1 {
		t.Fatalf("after the restart: %d, handler runs %d; want 204 and 1", status, runs.Load())
	}
	if status, _, reply = deliver(); status != http.StatusOK || reply != `{"duplicate":true}` || runs.Load() != 1 {
		t.Fatalf("the duplicate: %d %s, handler runs %d", status, reply, runs.Load())
	}
}
