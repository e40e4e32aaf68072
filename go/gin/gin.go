// Package hooksealgin verifies webhooks in gin: hookseal's net/http middleware as a
// gin.HandlerFunc, in a module of its own so that hookseal's root module gains no
// dependency on gin.
//
//	r.POST("/webhooks/salesos", hooksealgin.MiddlewareWithStore(v, claims, 0), func(c *gin.Context) {
//		delivery, _ := hookseal.FromContext(c.Request.Context())
//		…
//	})
//
// The handlers after it see only verified deliveries: a rejected one is answered by
// the core's receive contract (413, 400, 401 and {"error": code, "message": …}) and the
// chain is aborted. With a store, the status gin's handlers answer decides the claim
// (2xx completes it; any other status, or a panic, releases it for the retry).
package hooksealgin

import (
	"bytes"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	hookseal "github.com/hookseal/hookseal/go"
	"github.com/hookseal/hookseal/go/store"
)

// Middleware is v.Middleware for gin.
func Middleware(v *hookseal.Verifier) gin.HandlerFunc { return Wrap(v.Middleware) }

// MiddlewareWithStore is v.MiddlewareWithStore for gin: the handlers after it run at
// most once per delivery (docs/receiving.md).
func MiddlewareWithStore(v *hookseal.Verifier, s store.Store, ttl time.Duration, opts ...store.Option) gin.HandlerFunc {
	return Wrap(func(next http.Handler) http.Handler { return v.MiddlewareWithStore(s, ttl, next, opts...) })
}

// Wrap runs a net/http middleware in a gin chain: the handlers after it run as its
// next, with the request it passes (the verified delivery in its context, the body
// restored) and writing through the writer it passes, so that it sees their status.
// A middleware that answers without calling next aborts the chain.
//
// A body that an earlier handler read with c.ShouldBindBodyWith is taken from gin's
// copy (gin.BodyBytesKey): those are the bytes that arrived.
func Wrap(middleware func(http.Handler) http.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if raw, ok := c.Get(gin.BodyBytesKey); ok {
			if b, ok := raw.([]byte); ok {
				c.Request.Body = io.NopCloser(bytes.NewReader(b))
			}
		}
		own := c.Writer
		defer func() { c.Writer = own }()
		called := false
		middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			called = true
			c.Request = r
			c.Writer = through{own, w}
			c.Next()
		})).ServeHTTP(own, c.Request)
		if !called {
			c.Abort()
		}
	}
}

// through is gin's writer whose header, status and body go through w (the writer the
// middleware gave next, which wraps gin's own); Status, Written, Flush and Hijack stay
// gin's.
type through struct {
	gin.ResponseWriter
	w http.ResponseWriter
}

func (t through) Header() http.Header               { return t.w.Header() }
func (t through) WriteHeader(status int)            { t.w.WriteHeader(status) }
func (t through) Write(b []byte) (int, error)       { return t.w.Write(b) }
func (t through) WriteString(s string) (int, error) { return io.WriteString(t.w, s) }
