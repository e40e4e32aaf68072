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
	"strconv"
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
	leaseEnv    = "HOOKSEAL_STORETEST_LEASE"    // the claims' lease in milliseconds, if set
	secret      = "whsec_test"
	// actionHeader tells the test receiver's handler how to behave (it is not signed:
	// the receiver exists only for these tests).
	actionHeader = "X-Storetest-Action"
)

// ServeIfReceiver turns this test binary into a receiver process when the test that
// started it asked for one, and then never returns: call it first in TestMain. The
// receiver is a real HTTP server on 127.0.0.1 that verifies Salesbooth deliveries and
// de-duplicates them in the store open(backing) returns (hookseal's
// MiddlewareWithStore). Its handler appends "<action> <idempotency key>" to a shared
// file when it starts, then, by the request's X-Storetest-Action: "" answers 200
// {"processed":true} after 20 ms; "hang" never answers (the test kills the process);
// "slow-fail" answers 500 after a second; "429" answers 429. The receiver prints its
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
	var opts []store.Option
	if ms, err := strconv.Atoi(os.Getenv(leaseEnv)); err == nil {
		opts = append(opts, store.WithLease(time.Duration(ms)*time.Millisecond))
	}
	handler := func(w http.ResponseWriter, r *http.Request) {
		event, _ := hookseal.FromContext(r.Context())
		action := r.Header.Get(actionHeader)
		if err := appendLine(runs, action+" "+event.IdempotencyKey()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		switch action {
		case "hang":
			time.Sleep(time.Minute)
		case "slow-fail":
			time.Sleep(time.Second)
			http.Error(w, "the database is down", http.StatusInternalServerError)
			return
		case "429":
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		time.Sleep(20 * time.Millisecond) // real work takes a while
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]bool{"processed": true})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	return http.Serve(ln, verifier.MiddlewareWithStore(s, 0, http.HandlerFunc(handler), opts...))
}

var appendMu sync.Mutex

func appendLine(path, line string) error {
	appendMu.Lock()
	defer appendMu.Unlock()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, line)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// The answers the tests look for.
const (
	processed  = `{"processed":true}`
	duplicate  = `{"duplicate":true}`
	inProgress = `"error":"delivery_in_progress"`
)

// TwoReceivers starts two receiver processes (this test binary again, served by
// ServeIfReceiver) on one store at backing, sends them 50 concurrent deliveries of
// the same event, and checks that the handler ran exactly once, every other attempt
// being told to retry (503 delivery_in_progress) or acknowledged as a duplicate; then,
// for a persistent store, restarts a receiver and checks that the delivery is still a
// duplicate. Memory cannot be shared by two processes: for it (persistent false) one
// receiver takes all 50.
func TwoReceivers(t *testing.T, backing string, persistent bool) {
	runs := t.TempDir() + "/runs"
	count := 1
	if persistent {
		count = 2
	}
	var receivers []*receiver
	for range count {
		receivers = append(receivers, startReceiver(t, backing, runs, 0))
	}
	d := newDelivery(t)

	replies := make([]answer, 50)
	var wg sync.WaitGroup
	for i := range replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = d.send(t, receivers[i%count].url, "")
		}()
	}
	wg.Wait()
	counts := map[string]int{}
	for _, r := range replies {
		switch {
		case r.status == 200 && r.body == processed:
			counts["processed"]++
		case r.status == 200 && r.body == duplicate:
			counts["duplicate"]++
		case r.status == 503 && strings.Contains(r.body, inProgress) && r.retryAfter >= 1:
			counts["in progress"]++
		default:
			t.Errorf("unexpected answer %+v", r)
		}
	}
	if counts["processed"] != 1 || d.runs(t, runs) != 1 {
		t.Fatalf("answers %v, handler runs %d; want 1 processed and 1 run", counts, d.runs(t, runs))
	}
	if r := d.send(t, receivers[0].url, ""); r.body != duplicate {
		t.Fatalf("after the first attempt completed: %+v, want a duplicate", r)
	}
	if !persistent {
		return
	}
	for _, r := range receivers {
		r.kill(t)
	}
	url := startReceiver(t, backing, runs, 0).url
	if r := d.send(t, url, ""); r.body != duplicate || d.runs(t, runs) != 1 {
		t.Fatalf("after a restart: %+v and %d handler runs; want a duplicate and 1", r, d.runs(t, runs))
	}
}

// Crash runs, against a persistent store at backing, the cases where a delivery could
// be lost, with receiver processes using a 2 s lease:
//
//   - a receiver is SIGKILLed inside its handler: a retry within the lease is told to
//     come back (503 delivery_in_progress, Retry-After); the first retry after it runs
//     the handler and is answered 200; a duplicate after that is 200 {"duplicate":true};
//   - a retry arriving while the first attempt still runs is told to come back, and
//     when that attempt fails (500) the next retry runs the handler;
//   - a handler answering 429 releases the claim: the retry runs it.
func Crash(t *testing.T, backing string) {
	const lease = 2 * time.Second
	runs := t.TempDir() + "/runs"
	first := startReceiver(t, backing, runs, lease)

	t.Run("killed inside its handler", func(t *testing.T) {
		d := newDelivery(t)
		go d.send(t, first.url, "hang") // never answered: the process dies
		d.waitRuns(t, runs, 1)
		first.kill(t)
		second := startReceiver(t, backing, runs, lease)
		r := d.send(t, second.url, "")
		if r.status != 503 || !strings.Contains(r.body, inProgress) || r.retryAfter < 1 || r.retryAfter > 2 {
			t.Fatalf("a retry within the lease: %+v, want 503 delivery_in_progress with Retry-After 1-2", r)
		}
		r = d.retryUntilAnswered(t, second.url, r)
		if r.status != 200 || r.body != processed || d.runs(t, runs) != 2 {
			t.Fatalf("the retry after the lease: %+v, %d handler runs; want processed and 2", r, d.runs(t, runs))
		}
		if r := d.send(t, second.url, ""); r.status != 200 || r.body != duplicate || d.runs(t, runs) != 2 {
			t.Fatalf("a duplicate of the completed delivery: %+v, %d handler runs", r, d.runs(t, runs))
		}
	})

	t.Run("a retry while the first attempt runs, which then fails", func(t *testing.T) {
		url := startReceiver(t, backing, runs, lease).url
		d := newDelivery(t)
		failed := make(chan answer, 1)
		go func() { failed <- d.send(t, url, "slow-fail") }()
		d.waitRuns(t, runs, 1)
		if r := d.send(t, url, ""); r.status != 503 || !strings.Contains(r.body, inProgress) || r.retryAfter < 1 {
			t.Fatalf("a retry in flight: %+v, want 503 delivery_in_progress with Retry-After", r)
		}
		if r := <-failed; r.status != 500 {
			t.Fatalf("the first attempt: %+v, want its 500", r)
		}
		if r := d.send(t, url, ""); r.status != 200 || r.body != processed || d.runs(t, runs) != 2 {
			t.Fatalf("the retry after the failure: %+v, %d handler runs; want processed and 2", r, d.runs(t, runs))
		}
	})

	t.Run("429 releases", func(t *testing.T) {
		url := startReceiver(t, backing, runs, lease).url
		d := newDelivery(t)
		if r := d.send(t, url, "429"); r.status != 429 {
			t.Fatalf("the handler's 429: %+v", r)
		}
		if r := d.send(t, url, ""); r.status != 200 || r.body != processed || d.runs(t, runs) != 2 {
			t.Fatalf("the retry after a 429: %+v, %d handler runs; want processed and 2", r, d.runs(t, runs))
		}
	})
}

// receiver is a receiver process.
type receiver struct {
	cmd *exec.Cmd
	url string
}

func startReceiver(t *testing.T, backing, runs string, lease time.Duration) *receiver {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), receiverEnv+"="+backing, runsEnv+"="+runs)
	if lease > 0 {
		cmd.Env = append(cmd.Env, leaseEnv+"="+strconv.FormatInt(lease.Milliseconds(), 10))
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &receiver{cmd: cmd}
	t.Cleanup(func() { r.kill(t) })
	port, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the receiver did not start: %v", err)
	}
	r.url = "http://127.0.0.1:" + strings.TrimSpace(port) + "/"
	return r
}

// kill SIGKILLs the receiver (no deferred function, no release runs) and reaps it.
func (r *receiver) kill(t *testing.T) {
	if r.cmd.ProcessState == nil {
		_ = r.cmd.Process.Kill()
		_ = r.cmd.Wait()
	}
}

// delivery is one signed Salesbooth event with a fresh id.
type delivery struct {
	id     string
	body   []byte
	header http.Header
}

func newDelivery(t *testing.T) *delivery {
	id := "evt_" + RunID()
	body := []byte(fmt.Sprintf(`{"event":"deal.created","id":"%s","tenant_id":"t"}`, id))
	header, err := hookseal.Sign("salesbooth", secret, body)
	if err != nil {
		t.Fatal(err)
	}
	return &delivery{id: id, body: body, header: header}
}

// answer is what a receiver answered.
type answer struct {
	status     int
	retryAfter int
	body       string
}

// send delivers d to url, with the handler's action; a broken connection is status 0.
func (d *delivery) send(t *testing.T, url, action string) answer {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(d.body)))
	if err != nil {
		t.Error(err)
		return answer{}
	}
	req.Header = d.header.Clone()
	if action != "" {
		req.Header.Set(actionHeader, action)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{}
	}
	defer res.Body.Close()
	reply, _ := io.ReadAll(res.Body)
	retry, _ := strconv.Atoi(res.Header.Get("Retry-After"))
	return answer{status: res.StatusCode, retryAfter: retry, body: strings.TrimSpace(string(reply))}
}

// retryUntilAnswered does what a provider does with a 503: waits Retry-After and
// sends again, while it is told to come back (at most 10 times).
func (d *delivery) retryUntilAnswered(t *testing.T, url string, r answer) answer {
	for range 10 {
		if r.status != 503 {
			return r
		}
		time.Sleep(time.Duration(r.retryAfter) * time.Second)
		r = d.send(t, url, "")
	}
	t.Fatalf("still told to retry after 10 attempts: %+v", r)
	return r
}

// runs is how many times a handler started for d.
func (d *delivery) runs(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasSuffix(line, " "+d.id) {
			n++
		}
	}
	return n
}

// waitRuns waits (at most 10 s) until the handler started n times for d.
func (d *delivery) waitRuns(t *testing.T, path string, n int) {
	for range 1000 {
		if d.runs(t, path) >= n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the handler did not start %d times within 10 s", n)
}
