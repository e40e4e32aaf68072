package hookseal

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileRow is one row of core/vectors/hostile/*.json: a verify case whose header
// values, body and secrets are VALUEs (see that folder's README).
type hostileRow struct {
	Name          string                     `json:"name"`
	Scheme        string                     `json:"scheme"`
	Secrets       []json.RawMessage          `json:"secrets"`
	Options       map[string]json.RawMessage `json:"options"`
	Now           int64                      `json:"now"`
	Headers       [][2]json.RawMessage       `json:"headers"`
	FillerHeaders int                        `json:"filler_headers"`
	Body          json.RawMessage            `json:"body"`
	Expect        map[string]json.RawMessage `json:"expect"`
}

// hostileValue is the JSON form of a VALUE: text, or one of the objects.
type hostileValue struct {
	B64    *string           `json:"b64"`
	Repeat json.RawMessage   `json:"repeat"`
	Count  int               `json:"count"`
	Concat []json.RawMessage `json:"concat"`
}

// expandValue turns a VALUE into its bytes (a Go string holds any bytes, UTF-8 or not).
func expandValue(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	var v hostileValue
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("not a VALUE: %s", raw)
	}
	switch {
	case v.B64 != nil:
		b, err := base64.StdEncoding.DecodeString(*v.B64)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	case v.Repeat != nil:
		return strings.Repeat(expandValue(t, v.Repeat), v.Count)
	case v.Concat != nil:
		var b strings.Builder
		for _, part := range v.Concat {
			b.WriteString(expandValue(t, part))
		}
		return b.String()
	}
	t.Fatalf("not a VALUE: %s", raw)
	return ""
}

func loadHostile(t *testing.T) []hostileRow {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "core", "vectors", "hostile", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rows in ../core/vectors/hostile (%v)", err)
	}
	var rows []hostileRow
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var some []hostileRow
		if err := json.Unmarshal(data, &some); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rows = append(rows, some...)
	}
	return rows
}

// hostileHeader builds the http.Header a server would hand over. Add canonicalises
// names as net/http does; a name that is not a valid token (a NUL in it) is kept as
// sent, so it never matches the scheme's header, which is the row's point.
func hostileHeader(t *testing.T, row hostileRow) http.Header {
	h := make(http.Header, row.FillerHeaders+len(row.Headers))
	for i := 0; i < row.FillerHeaders; i++ {
		h.Add(fmt.Sprintf("x-filler-%d", i), "v")
	}
	for _, p := range row.Headers {
		h.Add(expandValue(t, p[0]), expandValue(t, p[1]))
	}
	return h
}

func TestHostileRows(t *testing.T) {
	rows := loadHostile(t)
	for _, row := range rows {
		t.Run(row.Name, func(t *testing.T) {
			c := vectorCase{Expect: row.Expect}
			want := expectedError(c)
			secrets := make([]string, len(row.Secrets))
			for i, s := range row.Secrets {
				secrets[i] = expandValue(t, s)
			}
			opts := append(optionsOf(t, row.Options), WithSecrets(secrets...))
			v, err := NewVerifier(row.Scheme, opts...)
			if err != nil {
				checkCode(t, err, want)
				return
			}
			defer v.Close()
			body := []byte(expandValue(t, row.Body))
			got, err := v.VerifyAt(body, hostileHeader(t, row), time.Unix(row.Now, 0))
			if want != "" {
				checkCode(t, err, want)
				return
			}
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			// The envelope is read lazily; reading it must not fail either.
			if got.IdempotencyKey() == "" {
				t.Fatal("no idempotency key")
			}
			if !bytes.Equal(got.Body, body) {
				t.Fatal("Body is not the verified bytes")
			}
		})
	}
	t.Logf("%d hostile rows", len(rows))
}
