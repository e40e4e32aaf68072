package hookseal

import (
	"errors"
	"net/http"
	"slices"
	"testing"
)

// A verifier built for each row of the core's scheme table reads the headers the row
// names, signature first; Detect finds each row by its signature header; no verifier
// reads more than maxHeaders (the core's MAX_HEADER_NAMES), and one reads exactly that.
func TestSchemesAreTheCoreTable(t *testing.T) {
	rows := Schemes()
	if len(rows) == 0 {
		t.Fatal("no schemes")
	}
	most := 0
	for _, row := range rows {
		opts := []Option{WithSecrets("whsec_c2VjcmV0")}
		if row.ID == "custom" {
			opts = append(opts, WithHeader("x-signature"))
		}
		v, err := NewVerifier(row.ID, opts...)
		if err != nil {
			t.Errorf("%s: %v", row.ID, err)
			continue
		}
		names := v.HeaderNames()
		v.Close()
		most = max(most, len(names))
		if row.SignatureHeader != "" && names[0] != row.SignatureHeader {
			t.Errorf("%s reads %v first, the table says %s", row.ID, names, row.SignatureHeader)
		}
		for _, h := range []string{row.TimestampHeader, row.IDHeader, row.KindHeader, row.DeliveryHeader} {
			if h != "" && !slices.Contains(names, h) {
				t.Errorf("%s reads %v, not the table's %s", row.ID, names, h)
			}
		}
		if row.SignatureHeader != "" {
			h := http.Header{}
			h.Set(row.SignatureHeader, "x")
			if got := Detect(h); got != row.ID {
				t.Errorf("Detect of %s is %q, want %s", row.SignatureHeader, got, row.ID)
			}
		}
	}
	if most != maxHeaders {
		t.Errorf("the most header names a verifier reads is %d; maxHeaders is %d", most, maxHeaders)
	}
	if _, err := NewVerifier("nope", WithSecrets("s")); !errors.Is(err, ErrUnknownScheme) {
		t.Errorf("an id outside the table: %v", err)
	}
}
