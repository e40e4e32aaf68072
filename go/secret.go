package hookseal

import (
	"fmt"
	"time"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// Secret is one secret of a verifier with an optional end of its rotation window:
// while now <= NotAfter (to the second) it verifies; after, it is skipped, so a
// delivery signed only with it is ErrSignatureMismatch and the old secret retires on
// schedule instead of by a redeploy. The zero NotAfter never retires. SecretIndex still
// counts a retired secret (it indexes the list as configured).
//
// A Secret never prints its Value: fmt's verbs and %#v show "[redacted]".
type Secret struct {
	// Value is the secret exactly as the provider shows it (a whsec_ prefix included;
	// a whpk_ public key for standard-webhooks v1a).
	Value string
	// NotAfter is the last moment the secret verifies; the zero Time for "always".
	NotAfter time.Time
}

// Format prints the secret without its value.
func (s Secret) Format(f fmt.State, verb rune) {
	if s.NotAfter.IsZero() {
		fmt.Fprint(f, "hookseal.Secret{Value: [redacted]}")
		return
	}
	fmt.Fprintf(f, "hookseal.Secret{Value: [redacted], NotAfter: %s}", s.NotAfter.UTC().Format(time.RFC3339))
}

// WithSecretList adds secrets that may retire (Secret.NotAfter), tried in order after
// any given before; WithSecrets' strings are Secrets that never retire.
func WithSecretList(secrets ...Secret) Option {
	return func(c *config) {
		for _, s := range secrets {
			c.secrets = append(c.secrets, s.engine())
		}
	}
}

// NewVerifierSecrets is NewVerifier with secrets that may retire:
//
//	v, err := hookseal.NewVerifierSecrets("saleslab", []hookseal.Secret{
//		{Value: newSecret},
//		{Value: oldSecret, NotAfter: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)},
//	})
func NewVerifierSecrets(scheme string, secrets []Secret, opts ...Option) (*Verifier, error) {
	return NewVerifier(scheme, append([]Option{WithSecretList(secrets...)}, opts...)...)
}

func (s Secret) engine() engine.Secret {
	if s.NotAfter.IsZero() {
		return engine.Secret{Value: s.Value}
	}
	return engine.Secret{Value: s.Value, NotAfter: s.NotAfter.Unix(), HasNotAfter: true}
}
