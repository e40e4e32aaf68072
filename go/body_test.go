package hookseal

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// bodyServerDir holds the built receiver; TestMain removes it.
var bodyServerDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if bodyServerDir != "" {
		os.RemoveAll(bodyServerDir)
	}
	os.Exit(code)
}

// bodyServerBinary builds testdata/bodyserver once per test run (a plain build: the
// race detector's and ASan's shadow memory would be measured with it).
var bodyServerBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "hookseal-bodyserver")
	if err != nil {
		return "", err
	}
	bodyServerDir = dir
	bin := filepath.Join(dir, "bodyserver")
	// `go test` puts its own go first on the PATH of what it runs.
	cmd := exec.Command("go", "build", "-o", bin, "./testdata/bodyserver")
	cmd.Env = os.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

type bodyServer struct {
	cmd  *exec.Cmd
	addr string
}

func startBodyServer(t *testing.T) *bodyServer {
	t.Helper()
	bin, err := bodyServerBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	port, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the server did not start: %v", err)
	}
	s := &bodyServer{cmd: cmd, addr: "127.0.0.1:" + strings.TrimSpace(port)}
	// Warm up: the first request's allocations are not the ones measured.
	for range 3 {
		s.post(t, strings.Repeat("x", 1000))
	}
	return s
}

// memory is the server's resident memory now and at its peak (VmRSS, VmHWM), in KiB.
func (s *bodyServer) memory(t *testing.T) (rss, peak int) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "VmRSS:" {
			rss, _ = strconv.Atoi(fields[1])
		}
		if len(fields) >= 2 && fields[0] == "VmHWM:" {
			peak, _ = strconv.Atoi(fields[1])
		}
	}
	return rss, peak
}

func (s *bodyServer) post(t *testing.T, body string) int {
	res, err := http.Post("http://"+s.addr+"/", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, res.Body)
	return res.StatusCode
}

const mib = 1024 // KiB

// 200 connections announce a body of max_body and send none of it: the buffer grows
// with the bytes that arrive, so they pin next to nothing.
func TestIdleConnectionsAnnouncingMaxBodyPinLittle(t *testing.T) {
	s := startBodyServer(t)
	before, _ := s.memory(t)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 200 {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		if _, err := fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n{", 1<<20); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(time.Second) // every handler is reading its body by now
	after, peak := s.memory(t)
	t.Logf("200 idle connections announcing 1 MiB: RSS %d KiB -> %d KiB (peak %d KiB), growth %d KiB", before, after, peak, after-before)
	if after-before >= 16*mib {
		t.Fatalf("200 idle connections grew the server by %d KiB, want < 16 MiB", after-before)
	}
}

// A 200 MiB chunked body (no Content-Length) is answered 413 once max_body + 1 bytes
// have arrived, and the server's peak memory hardly moves.
func TestChunkedBodyOfTwoHundredMiBIs413(t *testing.T) {
	s := startBodyServer(t)
	before, _ := s.memory(t)
	c, err := net.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	answered := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(c).ReadString('\n')
		answered <- line
	}()
	if _, err := io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	chunk := fmt.Sprintf("%x\r\n%s\r\n", 64<<10, strings.Repeat("x", 64<<10))
	sent := 0
	var status string
send:
	for sent < 200<<20 {
		select {
		case status = <-answered:
			break send
		default:
		}
		if _, err := io.WriteString(c, chunk); err != nil {
			break // the server answered and closed
		}
		sent += 64 << 10
	}
	if status == "" {
		select {
		case status = <-answered:
		case <-time.After(10 * time.Second):
			t.Fatal("no answer within 10 s")
		}
	}
	_, peak := s.memory(t)
	t.Logf("chunked body: %d MiB sent before the answer %q; RSS before %d KiB, peak after %d KiB, growth %d KiB",
		sent>>20, strings.TrimSpace(status), before, peak, peak-before)
	if !strings.HasPrefix(status, "HTTP/1.1 413") {
		t.Fatalf("answer %q, want 413", status)
	}
	if peak-before >= 16*mib {
		t.Fatalf("the server's peak memory grew by %d KiB, want < 16 MiB", peak-before)
	}
}
