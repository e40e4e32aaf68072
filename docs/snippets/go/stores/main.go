// docs/stores.md, "Go, net/http: PostgreSQL": the snippet's middleware with pgstore,
// sent one delivery twice; the second is acknowledged as a duplicate. Runs under
// scripts/ci/stores.sh --with-servers (DATABASE_URL from its test server).
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"example.com/hookseal-doc-snippets/check"
	"github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store/pgstore"
)

func main() {
	if os.Getenv("DATABASE_URL") == "" {
		_ = os.Setenv("DATABASE_URL", os.Getenv("HOOKSEAL_TEST_POSTGRES_URL"))
	}
	ctx := context.Background()
	secret := "whsec_stores_demo"
	verifier, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets(secret))
	if err != nil {
		check.Fail(err)
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

	// --- docs/stores.md
	// Go, net/http: PostgreSQL (module github.com/hookseal/hookseal/go/store/pgstore)
	s, err := pgstore.Open(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/hooks/salesbooth", verifier.MiddlewareWithStore(s, 0, handler))
	// --- end

	srv := check.Serve()
	defer srv.Close()
	id := strconv.FormatInt(time.Now().UnixNano(), 10)
	body := []byte(`{"event":"deal.created","id":"evt_` + id + `","tenant_id":"t_1","data":{}}`)
	url := srv.URL + "/hooks/salesbooth"
	check.Expect("first", check.Deliver(url, "salesbooth", secret, body, false), 204)
	check.Expect("repeat", check.Deliver(url, "salesbooth", secret, body, false), 200)
	fmt.Println("docs/stores.md Go snippet: ok")
}
