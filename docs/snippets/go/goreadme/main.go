// go/README.md, the first snippet: the middleware on http.DefaultServeMux, served and
// sent a genuine and a tampered delivery.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/hookseal-doc-snippets/check"
	hookseal "github.com/hookseal/hookseal/go"
)

func main() {
	if os.Getenv("SALESBOOTH_SECRET") == "" {
		_ = os.Setenv("SALESBOOTH_SECRET", "whsec_go_readme")
	}

	// --- go/README.md
	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets(os.Getenv("SALESBOOTH_SECRET")))
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()

	http.Handle("/webhooks/salesbooth", v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		delivery, _ := hookseal.FromContext(r.Context())
		log.Printf("%s %s for %s", delivery.Kind(), delivery.IdempotencyKey(), delivery.Tenant())
	})))
	// --- end

	srv := check.Serve()
	defer srv.Close()
	body := []byte(`{"event":"deal.created","tenant_id":"tenant_abc123","id":"evt_go_1","data":{}}`)
	check.Receiver(srv.URL+"/webhooks/salesbooth", "salesbooth", os.Getenv("SALESBOOTH_SECRET"), body, http.StatusOK)
	fmt.Println("go/README.md snippet: ok")
}
