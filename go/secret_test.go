package hookseal

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestASecretRetiresAfterItsNotAfter(t *testing.T) {
	retires := time.Unix(1_700_000_000, 0)
	v, err := NewVerifierSecrets("saleslab", []Secret{{Value: "sl_new"}, {Value: "sl_old", NotAfter: retires}})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	body := []byte(`{}`)
	old, _ := Sign("saleslab", "sl_old", body)
	got, err := v.VerifyAt(body, old, retires)
	if err != nil || got.SecretIndex != 1 {
		t.Fatalf("at not_after the old secret still verifies: %v %v", got.SecretIndex, err)
	}
	if _, err := v.VerifyAt(body, old, retires.Add(time.Second)); !errors.Is(err, ErrSignatureMismatch) {
		t.Fatalf("a second later it is retired: %v", err)
	}
	fresh, _ := Sign("saleslab", "sl_new", body)
	if _, err := v.VerifyAt(body, fresh, retires.Add(time.Hour)); err != nil {
		t.Fatalf("the secret without NotAfter never retires: %v", err)
	}
}

func TestASecretNeverPrintsItsValue(t *testing.T) {
	s := Secret{Value: "sl_very_secret", NotAfter: time.Unix(1_700_000_000, 0)}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		if out := fmt.Sprintf(verb, s); strings.Contains(out, "very_secret") || strings.Contains(out, "76657279") {
			t.Errorf("%s printed the secret: %s", verb, out)
		}
	}
	if out := fmt.Sprint([]Secret{s}); !strings.Contains(out, "[redacted]") {
		t.Errorf("a list: %s", out)
	}
}
