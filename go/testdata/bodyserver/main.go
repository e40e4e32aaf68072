// A receiver with the default max_body (1 MiB) on 127.0.0.1, whose resident memory
// body_test.go measures. It is built by the test without -race or -asan, whose
// shadow memory would be measured too. It prints its port.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"

	hookseal "github.com/hookseal/hookseal/go"
)

func main() {
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_test"))
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	log.Fatal(http.Serve(ln, v.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))))
}
