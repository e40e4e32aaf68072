// README.md, "Go": the snippet's middleware, served and sent a genuine and a tampered
// delivery.
package main

import (
	"fmt"
	"net/http"
	"os"

	"example.com/hookseal-doc-snippets/check"
	"github.com/hookseal/hookseal/go"
)

func main() {
	if os.Getenv("SALESOS_SECRET") == "" {
		_ = os.Setenv("SALESOS_SECRET", "whsec_readme_demo")
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

	// --- README.md
	v, err := hookseal.NewVerifier("salesos", hookseal.WithSecrets(os.Getenv("SALESOS_SECRET")))
	http.Handle("/hooks/salesos", v.Middleware(handler)) // 413/400/401 answered for you
	// --- end
	if err != nil {
		check.Fail(err)
	}

	srv := check.Serve()
	defer srv.Close()
	body := []byte(`{"id":"evt_1","type":"deal.won","created_at":"2026-01-01T00:00:00Z","data":{}}`)
	check.Receiver(srv.URL+"/hooks/salesos", "salesos", os.Getenv("SALESOS_SECRET"), body, http.StatusNoContent)
	fmt.Println("README.md Go snippet: ok")
}
