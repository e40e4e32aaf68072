package storetest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

// The environment a receiver process is started with.
const (
	receiverEnv = "HOOKSEAL_STORETEST_RECEIVER" // the store's backing data (file or URL)
	runsEnv     = "HOOKSEAL_STORETEST_RUNS"     // the file the handler appends a line to
	secret      = "whsec_test"
)

// ServeIfReceiver turns this test binary into a receiver process when the test that
// started it asked for one, and then never returns: call it first in TestMain. The
// receiver is a real HTTP server on 127.0.0.1 that verifies Salesbooth deliveries,
// claims each one's idempotency key in the store open(backing) returns, and runs the
// handler (which appends a line to a shared file) only for the first. It prints its
// port on the first line of its output.
func ServeIfReceiver(open func(backing string) (store.Store, error)) {
	backing, ok := os.LookupEnv(receiverEnv)
	if !ok {
		return
	}
	err := serve(open, backing, os.Getenv(runsEnv))
	fmt.Fprintln(os.Stderr, "receiver:", err)
	os.Exit(1)
}

func serve(open func(string) (store.Store, error), backing, runs string) error {
	s, err := open(backing)
	if err != nil {
		return err
	}
	verifier, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets(secret))
	if err != nil {
		return err
	}
	handler := func(w http.ResponseWriter, r *http.Request) {
		event, _ := hookseal.FromContext(r.Context())
		time.Sleep(20 * time.Millisecond) // real work takes a while
		f, err := os.OpenFile(runs, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			_, err = fmt.Fprintf(f, "%d %s\n", os.Getpid(), event.IdempotencyKey())
			f.Close()
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, map[string]bool{"processed": true})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	return http.Serve(ln, verifier.MiddlewareWithStore(s, 0, http.HandlerFunc(handler)))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// TwoReceivers starts two receiver processes (this test binary again, served by
// ServeIfReceiver) on one store at backing, sends them 50 concurrent deliveries of
// the same event, and checks that the handler ran exactly once; then, for a
// persistent store, restarts a receiver and checks that the delivery is still a
// duplicate. Memory cannot be shared by two processes: for it (persistent false)
// one receiver takes all 50.
func TwoReceivers(t *testing.T, backing string, persistent bool) {
	runs := t.TempDir() + "/runs"
	count := 1
	if persistent {
		count = 2
	}
	var urls []string
	for range count {
		urls = append(urls, startReceiver(t, backing, runs))
	}
	body := []byte(fmt.Sprintf(`{"event":"deal.created","id":"evt_%s","tenant_id":"t"}`, RunID()))
	header, err := hookseal.Sign("salesbooth", secret, body)
	if err != nil {
		t.Fatal(err)
	}

	replies := make([]string, 50)
	var wg sync.WaitGroup
	for i := range replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = deliver(t, urls[i%count], body, header)
		}()
	}
	wg.Wait()
	processed, duplicates := 0, 0
	for _, r := range replies {
		switch r {
		case `{"processed":true}`:
			processed++
		case `{"duplicate":true}`:
			duplicates++
		}
	}
	if processed != 1 || duplicates != 49 || handlerRuns(t, runs) != 1 {
		t.Fatalf("processed %d, duplicates %d, handler runs %d; want 1, 49, 1", processed, duplicates, handlerRuns(t, runs))
	}
	if !persistent {
		return
	}
	stopReceivers(t)
	url := startReceiver(t, backing, runs)
	if r := deliver(t, url, body, header); r != `{"duplicate":true}` || handlerRuns(t, runs) != 1 {
		t.Fatalf("after a restart: %s and %d handler runs; want a duplicate and 1", r, handlerRuns(t, runs))
	}
}

var receivers struct {
	sync.Mutex
	procs []*exec.Cmd
}

func startReceiver(t *testing.T, backing, runs string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), receiverEnv+"="+backing, runsEnv+"="+runs)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	receivers.Lock()
	receivers.procs = append(receivers.procs, cmd)
	receivers.Unlock()
	t.Cleanup(func() { stopReceivers(t) })
	port, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the receiver did not start: %v", err)
	}
	return "http://127.0.0.1:" + strings.TrimSpace(port) + "/"
}

func stopReceivers(t *testing.T) {
	receivers.Lock()
	defer receivers.Unlock()
	for _, cmd := range receivers.procs {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	receivers.procs = nil
}

func deliver(t *testing.T, url string, body []byte, header http.Header) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Error(err)
		return ""
	}
	req.Header = header.Clone()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return ""
	}
	defer res.Body.Close()
	reply, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d: %s", res.StatusCode, reply)
	}
	return strings.TrimSpace(string(reply))
}

func handlerRuns(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), "\n")
}
