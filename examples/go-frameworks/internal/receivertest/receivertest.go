// Package receivertest is what the three receivers' tests share: a signed delivery of
// each seed provider, sent to a receiver over HTTP.
package receivertest

import (
	"io"
	"net/http"
	"strings"
	"testing"

	hookseal "github.com/hookseal/hookseal/go"
)

// Secrets are the receivers' secrets in the tests, by scheme id.
var Secrets = map[string]string{
	"saleslab": "sl_test", "salesos": "whsec_os", "salesbooth": "whsec_sb", "salescaling": "sc_tok",
}

// Bodies is one delivery per provider, as its document shows them.
var Bodies = map[string]string{
	"saleslab":    `{"event_kind":"badge.awarded","delivery_id":"dlv_1","company_id":"co_1","user_id":"u_1"}`,
	"salesos":     `{"id":"evt_1","type":"deal.won","created_at":"2026-01-01T00:00:00Z","data":{"id":"deal_1"}}`,
	"salesbooth":  `{"id":"evt_2","event":"deal.created","timestamp":"2026-01-01T00:00:00Z","tenant_id":"t_1","data":{}}`,
	"salescaling": `{"event":"meeting_status_changed","status":"meeting_summary_done","companyId":"c_1"}`,
}

// Post sends provider's body to url, signed with secret, and returns the status and the
// answer.
func Post(t *testing.T, url, provider, secret, body string) (int, string) {
	t.Helper()
	h, err := hookseal.Sign(provider, secret, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header = h
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(answer)
}

// CheckReceiver checks a receiver serving the four providers at base: each genuine
// delivery is answered 200 {"received":true}, its repeat 200 {"duplicate":true}, one
// signed with another secret 401.
func CheckReceiver(t *testing.T, base string) {
	t.Helper()
	for provider, body := range Bodies {
		url, secret := base+"/"+provider, Secrets[provider]
		for _, want := range []string{`{"received":true}`, `{"duplicate":true}`} {
			if status, answer := Post(t, url, provider, secret, body); status != http.StatusOK || strings.TrimSpace(answer) != want {
				t.Errorf("%s: %d %q, want 200 %s", provider, status, answer, want)
			}
		}
		if status, answer := Post(t, url, provider, "not-"+secret, body); status != http.StatusUnauthorized {
			t.Errorf("%s, another secret: %d %q", provider, status, answer)
		}
	}
}
