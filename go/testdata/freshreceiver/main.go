// Command freshreceiver is the program scripts/ci/go.sh builds in a fresh module outside
// the checkout, against the released module from a local GOPROXY, with no cargo on the
// PATH: a net/http receiver of SalesOS deliveries on 127.0.0.1, sent one signed delivery
// and one tampered with. It exits 0 when the first is answered 200 and the second 401.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"

	hookseal "github.com/hookseal/hookseal/go"
)

const secret = "salesos_whsec_fresh_module"

func main() {
	v, err := hookseal.NewVerifier("salesos", hookseal.WithSecrets(secret))
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()
	mux := http.NewServeMux()
	mux.Handle("/webhooks/salesos", v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		delivery, _ := hookseal.FromContext(r.Context())
		fmt.Fprintf(w, "%s %s", delivery.Kind(), delivery.IdempotencyKey())
	})))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() { _ = http.Serve(ln, mux) }()
	url := "http://" + ln.Addr().String() + "/webhooks/salesos"

	body := []byte(`{"type":"deal.won","id":"evt_fresh_1","data":{"deal_id":"d_1"}}`)
	signed := post(url, body, body)
	tampered := post(url, body, append(bytes.Clone(body), ' '))
	fmt.Printf("engine %s: signed %d, tampered %d\n", hookseal.Engine(), signed, tampered)
	if signed != http.StatusOK || tampered != http.StatusUnauthorized {
		os.Exit(1)
	}
}

// post sends sent with the headers that sign signedBody, and returns the status.
func post(url string, signedBody, sent []byte) int {
	h, err := hookseal.Sign("salesos", secret, signedBody)
	if err != nil {
		log.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(sent))
	for name, values := range h {
		req.Header[name] = values
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	reply, _ := io.ReadAll(res.Body)
	log.Printf("%d %s", res.StatusCode, reply)
	return res.StatusCode
}
