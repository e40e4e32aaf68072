// net/http on 127.0.0.1:PORT with one route per variant, in one process:
//
//	/none    no verification: io.ReadAll of the body (bounded as the middleware bounds it), 204
//	/verify  verifier.Middleware(handler), 204
//	/store   verifier.MiddlewareWithStore(store.NewMemory(0), 0, handler), 204
//
//	PORT=… LOAD_SECRET=… ./go-server
package main

import (
	"io"
	"log"
	"net/http"
	"os"

	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

func main() {
	verifier, err := hookseal.NewVerifier("saleslab", hookseal.WithSecrets(os.Getenv("LOAD_SECRET")))
	if err != nil {
		log.Fatal(err)
	}
	done := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux := http.NewServeMux()
	mux.HandleFunc("POST /none", func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20+1)); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		done(w, r)
	})
	mux.Handle("POST /verify", verifier.Middleware(done))
	mux.Handle("POST /store", verifier.MiddlewareWithStore(store.NewMemory(0), 0, done))
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), mux))
}
