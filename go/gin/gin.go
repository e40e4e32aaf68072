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
//
// Secrets per tenant: a hookseal.TenantVerifier goes where a Verifier does, its tenant
// read from a route parameter with Param:
//
//	tv, _ := hookseal.NewTenantVerifier("saleslab",
//		hookseal.WithTenant(hooksealgin.Param("tenant"), secretsOf))
//	r.POST("/hooks/saleslab/:tenant", hooksealgin.Middleware(tv), handler)
package hooksealgin

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/hookseal/hookseal/go/store"
)

// Verifier is what the middleware verifies with: a *hookseal.Verifier, or a
// *hookseal.TenantVerifier for secrets per tenant.
type Verifier interface {
	Middleware(next http.Handler) http.Handler
	MiddlewareWithStore(s store.Store, ttl time.Duration, next http.Handler, opts ...store.Option) http.Handler
}

// Middleware is v.Middleware for gin.
func Middleware(v Verifier) gin.HandlerFunc { return Wrap(v.Middleware) }

// MiddlewareWithStore is v.MiddlewareWithStore for gin: the handlers after it run at
// most once per delivery (docs/receiving.md).
func MiddlewareWithStore(v Verifier, s store.Store, ttl time.Duration, opts ...store.Option) gin.HandlerFunc {
	return Wrap(func(next http.Handler) http.Handler { return v.MiddlewareWithStore(s, ttl, next, opts...) })
}

// Param is a tenant function (hookseal.WithTenant) reading gin's route parameter name
// ("/hooks/:tenant"); "" outside a chain that Middleware or Wrap runs.
func Param(name string) func(*http.Request) string {
	return func(r *http.Request) string {
		c, ok := r.Context().Value(ginKey{}).(*gin.Context)
		if !ok {
			return ""
		}
		return c.Param(name)
	}
}

// ginKey holds the gin.Context in the request context the middleware sees.
type ginKey struct{}

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
		req := c.Request.WithContext(context.WithValue(c.Request.Context(), ginKey{}, c))
		middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			called = true
			c.Request = r
			c.Writer = through{own, w}
			c.Next()
		})).ServeHTTP(own, req)
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
