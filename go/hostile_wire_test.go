package hookseal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The hostile rows again, this time sent as raw bytes through a real net/http server
// on 127.0.0.1: repeated headers arrive as separate lines and non-ASCII bytes as they
// are, and the answer is the core's. Rows whose header bytes HTTP/1.1 forbids on the
// wire (NUL, CR, LF in a value, a name that is no token) are refused by net/http
// before any handler, so they are left to TestHostileRows.
func TestHostileRowsThroughNetHTTP(t *testing.T) {
	sent := 0
	for _, row := range loadHostile(t) {
		header := hostileHeader(t, row)
		if !sendable(header) {
			continue
		}
		secrets := make([]string, len(row.Secrets))
		for i, s := range row.Secrets {
			secrets[i] = expandValue(t, s)
		}
		v, err := NewVerifier(row.Scheme, append(optionsOf(t, row.Options), WithSecrets(secrets...))...)
		if err != nil {
			continue // a construction error: no server to send to
		}
		sent++
		t.Run(row.Name, func(t *testing.T) {
			defer v.Close()
			want := expectedError(vectorCase{Expect: row.Expect})
			got := sendRaw(t, v, time.Unix(row.Now, 0), row, []byte(expandValue(t, row.Body)))
			if got != want {
				t.Fatalf("through net/http: %q, want %q", got, want)
			}
		})
	}
	t.Logf("%d hostile rows through net/http", sent)
}

// sendable reports whether every header of h can be sent on an HTTP/1.1 wire: a name
// of token characters, a value without control bytes other than tab (RFC 9110 §5).
func sendable(h http.Header) bool {
	for name, values := range h {
		if name == "" || strings.IndexFunc(name, func(r rune) bool {
			return r > 0x7e || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
		}) >= 0 {
			return false
		}
		for _, v := range values {
			for i := 0; i < len(v); i++ {
				if b := v[i]; (b < ' ' && b != '\t') || b == 0x7f {
					return false
				}
			}
		}
	}
	return true
}

// sendRaw writes the row's request byte for byte (headers in the row's order, repeats
// as separate lines) to a server verifying at now, and returns the error code it
// answered ("" when accepted).
func sendRaw(t *testing.T, v *Verifier, now time.Time, row hostileRow, body []byte) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := readBody(r.Body, v.maxBody)
		if err == nil {
			_, err = v.VerifyAt(b, r.Header, now)
		}
		code := ""
		if e, ok := err.(*Error); ok {
			code = e.Code
		} else if err != nil {
			code = err.Error()
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"code": code})
	}))
	defer srv.Close()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var req bytes.Buffer
	req.WriteString("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n")
	for i := 0; i < row.FillerHeaders; i++ {
		fmt.Fprintf(&req, "x-filler-%d: v\r\n", i)
	}
	for _, p := range row.Headers {
		req.WriteString(expandValue(t, p[0]) + ": " + expandValue(t, p[1]) + "\r\n")
	}
	req.WriteString("\r\n")
	req.Write(body)
	// Written alongside the read: a server answering 413 stops reading an oversized body.
	go func() { _, _ = c.Write(req.Bytes()) }()
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]string
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatalf("status %d: %v", res.StatusCode, err)
	}
	return out["code"]
}
