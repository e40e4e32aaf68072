package hookseal

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// SalesOS shows its secret as whsec_…; the receiver configured it without the prefix.
func explainCase(t *testing.T) ([]byte, http.Header) {
	t.Helper()
	body := []byte(`{"id":"evt_1","type":"deal.won"}`)
	h, err := Sign("salesos", "whsec_k", body)
	if err != nil {
		t.Fatal(err)
	}
	return body, h
}

func TestExplainNamesTheLikelyCause(t *testing.T) {
	body, h := explainCase(t)
	v, err := NewVerifier("salesos", WithSecrets("k"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	why := v.Explain(body, h)
	if why.OK || why.Code != "signature_mismatch" || !why.Has("missing_whsec_prefix") {
		t.Fatalf("%+v", why)
	}
	out, _ := json.Marshal(why)
	if !strings.HasPrefix(string(out), `{"ok":false,"code":"signature_mismatch","message":`) {
		t.Fatalf("the core's JSON: %s", out)
	}
	good, _ := NewVerifier("salesos", WithSecrets("whsec_k"))
	defer good.Close()
	if ok := good.Explain(body, h); !ok.OK || ok.Code != "" {
		t.Fatalf("a delivery that verifies: %+v", ok)
	}
	if out, _ := json.Marshal(good.Explain(body, h)); !strings.Contains(string(out), `"code":null`) {
		t.Fatalf("code is null when ok: %s", out)
	}
}

func TestExplainIsOffByDefault(t *testing.T) {
	t.Setenv("HOOKSEAL_EXPLAIN", "")
	body, h := explainCase(t)
	v, _ := NewVerifier("salesos", WithSecrets("k"))
	defer v.Close()
	_, err := v.Verify(body, h)
	var e *Error
	if !errors.As(err, &e) || e.Explanation != nil {
		t.Fatalf("an explanation without asking: %v", err)
	}
	status, answer := postRaw(t, httptestServer(t, v.Middleware(http.NotFoundHandler())), body, h)
	if status != 401 || strings.Contains(answer, "explanation") {
		t.Fatalf("%d %s", status, answer)
	}
}

func TestWithExplainAndTheEnvironmentAttachIt(t *testing.T) {
	body, h := explainCase(t)
	for name, build := range map[string]func() (*Verifier, error){
		"WithExplain(true)": func() (*Verifier, error) {
			t.Setenv("HOOKSEAL_EXPLAIN", "")
			return NewVerifier("salesos", WithSecrets("k"), WithExplain(true))
		},
		"HOOKSEAL_EXPLAIN=1": func() (*Verifier, error) {
			t.Setenv("HOOKSEAL_EXPLAIN", "1")
			return NewVerifier("salesos", WithSecrets("k"))
		},
	} {
		t.Run(name, func(t *testing.T) {
			v, err := build()
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			_, err = v.Verify(body, h)
			var e *Error
			if !errors.As(err, &e) || e.Explanation == nil || !e.Explanation.Has("missing_whsec_prefix") {
				t.Fatalf("the error carries no explanation: %#v", err)
			}
			status, answer := postRaw(t, httptestServer(t, v.Middleware(http.NotFoundHandler())), body, h)
			var got struct {
				Error       string      `json:"error"`
				Explanation Explanation `json:"explanation"`
			}
			if err := json.Unmarshal([]byte(answer), &got); err != nil || status != 401 ||
				got.Error != "signature_mismatch" || !got.Explanation.Has("missing_whsec_prefix") {
				t.Fatalf("%d %s", status, answer)
			}
		})
	}
	// The explicit option wins over the environment.
	t.Setenv("HOOKSEAL_EXPLAIN", "1")
	v, _ := NewVerifier("salesos", WithSecrets("k"), WithExplain(false))
	defer v.Close()
	if _, err := v.Verify(body, h); err.(*Error).Explanation != nil {
		t.Fatal("WithExplain(false) under HOOKSEAL_EXPLAIN=1 explained")
	}
}

// ExplainAt takes VerifyAt's arguments in VerifyAt's order and answers at that time.
func TestExplainAtTakesVerifyAtsOrder(t *testing.T) {
	body := []byte(`{"type":"invoice.paid"}`)
	sent := time.Unix(1_700_000_000, 0)
	h, err := Sign("standard-webhooks", "whsec_a2V5", body, WithTimestamp(sent), WithID("msg_1"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier("standard-webhooks", WithSecrets("whsec_a2V5"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if _, err := v.VerifyAt(body, h, sent); err != nil {
		t.Fatal(err)
	}
	if why := v.ExplainAt(body, h, sent); !why.OK || why.Code != "" || len(why.Findings) != 0 {
		t.Fatalf("at the signing time: %+v", why)
	}
	late := sent.Add(time.Hour)
	_, err = v.VerifyAt(body, h, late)
	why := v.ExplainAt(body, h, late)
	if !errors.Is(err, ErrTimestampTooOld) || why.OK || why.Code != "timestamp_too_old" || !why.Has("clock_skew") {
		t.Fatalf("an hour late: %v %+v", err, why)
	}
}
