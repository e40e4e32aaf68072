package hookseal

import (
	"net/http"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// Sign returns the headers a provider would send with body, signed with secret: for
// tests, for a local sender, for services that emit these webhooks themselves.
// WithTimestamp (default now) and, for standard-webhooks, WithID set what is signed;
// the scheme's options (WithHeader, WithPrefix, the custom ones) apply as for a verifier.
func Sign(scheme, secret string, body []byte, opts ...Option) (http.Header, error) {
	pairs, err := signPairs(scheme, secret, body, opts)
	if err != nil {
		return nil, err
	}
	h := make(http.Header, len(pairs))
	for _, p := range pairs {
		h.Add(p[0], p[1])
	}
	return h, nil
}

// signPairs is Sign with the headers in the core's order, names lowercase.
func signPairs(scheme, secret string, body []byte, opts []Option) ([][2]string, error) {
	cfg := newConfig(opts)
	if len(cfg.secrets) > 0 {
		return nil, invalidOption("Sign takes its one secret as an argument, not WithSecrets")
	}
	pairs, f := engine.Sign(engine.SignRequest{Scheme: scheme, Secret: secret, Options: cfg.pairs,
		Body: body, Timestamp: cfg.timestamp, ID: cfg.id})
	if f.Failed() {
		return nil, statusError(f)
	}
	return pairs, nil
}
