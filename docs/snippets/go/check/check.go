// Package check is what the Go snippets share: serving a snippet's handler and sending
// it signed deliveries, so each snippet file holds the doc's lines and little else.
package check

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/hookseal/hookseal/go"
)

// Deliver POSTs body, signed for scheme with secret, to url and returns the status.
func Deliver(url, scheme, secret string, body []byte, tamper bool) int {
	h, err := hookseal.Sign(scheme, secret, body)
	if err != nil {
		Fail(err)
	}
	sent := body
	if tamper {
		sent = append(append([]byte{}, body...), ' ')
	}
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(sent))
	req.Header = h
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		Fail(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	return res.StatusCode
}

// Receiver checks the receiver at url: a genuine delivery is answered genuine (its
// handler's status), a tampered one 401.
func Receiver(url, scheme, secret string, body []byte, genuine int) {
	Expect("genuine", Deliver(url, scheme, secret, body, false), genuine)
	Expect("tampered", Deliver(url, scheme, secret, body, true), http.StatusUnauthorized)
}

// Serve runs the handlers registered on http.DefaultServeMux on a test server.
func Serve() *httptest.Server { return httptest.NewServer(http.DefaultServeMux) }

// Expect fails the program unless got is want.
func Expect(what string, got, want int) {
	if got != want {
		Fail(fmt.Errorf("%s: got %d, want %d", what, got, want))
	}
}

// Fail prints err and exits non-zero.
func Fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
