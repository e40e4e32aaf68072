package hookseal

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// vectorCase is one case of core/vectors/*.json, in the format of
// core/vectors/README.md.
type vectorCase struct {
	Name    string                     `json:"name"`
	Op      string                     `json:"op"`
	Scheme  string                     `json:"scheme"`
	Secrets []vectorSecret             `json:"secrets"`
	Secret  string                     `json:"secret"`
	Options map[string]json.RawMessage `json:"options"`
	Now     int64                      `json:"now"`
	Headers [][2]string                `json:"headers"`
	BodyB64 string                     `json:"body_b64"`
	// Body is the compact form of a large body ({"repeat": "a", "count": N}), given
	// instead of BodyB64 (core/vectors/README.md).
	Body *struct {
		Repeat string `json:"repeat"`
		Count  int    `json:"count"`
	} `json:"body"`
	Timestamp *int64                     `json:"timestamp"`
	ID        *string                    `json:"id"`
	Expect    map[string]json.RawMessage `json:"expect"`
}

// vectorSecret is an entry of a case's secrets: a string, or an object
// {"secret": "...", "not_after": unix seconds} for a secret that retires.
type vectorSecret Secret

func (s *vectorSecret) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &s.Value); err == nil {
		return nil
	}
	var obj struct {
		Secret   string `json:"secret"`
		NotAfter *int64 `json:"not_after"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	s.Value = obj.Secret
	if obj.NotAfter != nil {
		s.NotAfter = time.Unix(*obj.NotAfter, 0)
	}
	return nil
}

// loadVectors reads every file in core/vectors and core/vectors/rotation (a glob, not
// a list: new files count).
func loadVectors(t *testing.T) []vectorCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "core", "vectors", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vector files in ../core/vectors (%v)", err)
	}
	// The rotation-window cases (secrets entries {"secret", "not_after"}), in a folder
	// of their own; none where the folder is absent.
	rotation, _ := filepath.Glob(filepath.Join("..", "core", "vectors", "rotation", "*.json"))
	files = append(files, rotation...)
	var all []vectorCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []vectorCase
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, cases...)
	}
	return all
}

// optionsOf turns the vectors' snake_case options into Options.
func optionsOf(t *testing.T, raw map[string]json.RawMessage) []Option {
	var opts []Option
	for name, value := range raw {
		var text string
		if err := json.Unmarshal(value, &text); err != nil {
			var n json.Number
			if err := json.Unmarshal(value, &n); err != nil {
				t.Fatalf("option %s: %s", name, value)
			}
			text = n.String()
		}
		opts = append(opts, WithOption(name, text))
	}
	return opts
}

func TestVectors(t *testing.T) {
	cases := loadVectors(t)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			body, err := base64.StdEncoding.DecodeString(c.BodyB64)
			if err != nil {
				t.Fatal(err)
			}
			if c.Body != nil {
				body = []byte(strings.Repeat(c.Body.Repeat, c.Body.Count))
			}
			switch c.Op {
			case "verify":
				runVerifyVector(t, c, body)
			case "sign":
				runSignVector(t, c, body)
			default:
				t.Fatalf("unknown op %q", c.Op)
			}
		})
	}
	t.Logf("%d vectors", len(cases))
}

func expectedError(c vectorCase) string {
	var code string
	if raw, ok := c.Expect["error"]; ok {
		_ = json.Unmarshal(raw, &code)
	}
	return code
}

func checkCode(t *testing.T, err error, want string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want %s, got %v", want, err)
	}
	if e.Code != want {
		t.Fatalf("want %s, got %s (%s)", want, e.Code, e.Message)
	}
	if !errors.Is(err, &Error{Code: want}) {
		t.Fatalf("errors.Is does not match %s", want)
	}
}

func runVerifyVector(t *testing.T, c vectorCase, body []byte) {
	want := expectedError(c)
	secrets := make([]Secret, len(c.Secrets))
	for i, s := range c.Secrets {
		secrets[i] = Secret(s)
	}
	opts := append(optionsOf(t, c.Options), WithSecretList(secrets...))
	v, err := NewVerifier(c.Scheme, opts...)
	if err != nil {
		checkCode(t, err, want)
		return
	}
	defer v.Close()
	h := http.Header{}
	for _, p := range c.Headers {
		h.Add(p[0], p[1])
	}
	got, err := v.VerifyAt(body, h, time.Unix(c.Now, 0))
	if want != "" {
		checkCode(t, err, want)
		return
	}
	if err != nil {
		t.Fatalf("rejected: %v", err)
	}
	for field, raw := range c.Expect {
		if field == "ok" {
			continue
		}
		var wantValue any
		_ = json.Unmarshal(raw, &wantValue)
		var gotValue any
		switch field {
		case "secret_index":
			gotValue = float64(got.SecretIndex)
		case "timestamp":
			gotValue = nil
			if !got.Timestamp.IsZero() {
				gotValue = float64(got.Timestamp.Unix())
			}
		case "kind":
			gotValue = orNil(got.Kind())
		case "event_id":
			gotValue = orNil(got.EventID())
		case "tenant":
			gotValue = orNil(got.Tenant())
		case "idempotency_key":
			gotValue = got.IdempotencyKey()
		default:
			t.Fatalf("unknown expected field %q", field)
		}
		if !reflect.DeepEqual(gotValue, wantValue) {
			t.Errorf("%s: want %v, got %v", field, wantValue, gotValue)
		}
	}
}

// orNil maps Go's "absent is empty" to the vectors' null (no vector expects "").
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func runSignVector(t *testing.T, c vectorCase, body []byte) {
	opts := optionsOf(t, c.Options)
	if c.Timestamp != nil {
		opts = append(opts, WithTimestamp(time.Unix(*c.Timestamp, 0)))
	}
	if c.ID != nil {
		opts = append(opts, WithID(*c.ID))
	}
	got, err := signPairs(c.Scheme, c.Secret, body, opts)
	if want := expectedError(c); want != "" {
		checkCode(t, err, want)
		return
	}
	if err != nil {
		t.Fatalf("sign failed: %v", err)
	}
	var want [][2]string
	if err := json.Unmarshal(c.Expect["headers"], &want); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("want %q, got %q", want, got)
	}
}
