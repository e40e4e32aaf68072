// Package hookseal verifies (and signs) the webhooks that sales platforms send —
// SalesLab, SalesOS, Salesbooth, Salescaling — plus Standard Webhooks, Stripe, GitHub
// and any HMAC scheme of the same family by configuration (the "custom" scheme).
//
// It wraps the hookseal Rust core through its C ABI (cgo), so it gives the same answer,
// byte for byte, as the Node, Python and WebAssembly packages. Build the native library
// once with `go generate ./...` in this directory (it runs cargo for you).
//
// At start-up, one verifier per endpoint:
//
//	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets(os.Getenv("SALESBOOTH_SECRET")))
//
// In a handler, the raw body and the request headers:
//
//	verified, err := v.Verify(body, r.Header)
//	if errors.Is(err, hookseal.ErrTimestampTooOld) { ... }
//	route(verified.Kind(), verified.IdempotencyKey())
//
// Or let the middleware do it: http.Handle("/webhooks", v.Middleware(handler)), and in
// the handler hookseal.FromContext(r.Context()).
package hookseal
