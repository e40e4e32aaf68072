package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{
		"tenant_id": "TenantID", "companyId": "CompanyID", "created_at": "CreatedAt", "deal.stage_changed": "DealStageChanged",
		"meeting_url": "MeetingURL", "3d_score": "X3dScore", "activityType": "ActivityType", "owner_ids": "OwnerIDs",
	} {
		if got := ident(in); got != want {
			t.Errorf("ident(%q) = %q, want %q", in, got, want)
		}
	}
}

func parse(t *testing.T, doc string) *gen {
	t.Helper()
	var n node
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.UseNumber()
	if err := n.decode(dec); err != nil {
		t.Fatal(err)
	}
	g := &gen{file: "x.json", provider: n.str("x-provider"), defs: n.get("$defs"), taken: map[string]bool{}}
	for _, e := range n.get("x-events").list {
		g.events = append(g.events, event{kind: e.str("kind"), typ: e.str("type")})
	}
	return g
}

// A keyword the validators do not know, or a $ref outside the document, is an error: never
// silently ignored.
func TestCheckRefusesWhatTheValidatorsDoNotKnow(t *testing.T) {
	for doc, want := range map[string]string{
		`{"x-provider":"p","x-events":[{"kind":"a.b","type":"AB"}],"$defs":{"AB":{"type":"string","pattern":"^x"}}}`:                           `keyword "pattern"`,
		`{"x-provider":"p","x-events":[{"kind":"a.b","type":"AB"}],"$defs":{"AB":{"type":"object","properties":{"x":{"$ref":"other.json"}}}}}`: `is not a local`,
		`{"x-provider":"p","x-events":[{"kind":"a.b","type":"Missing"}],"$defs":{}}`:                                                           `no $defs entry`,
	} {
		if err := parse(t, doc).check(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", doc, err, want)
		}
	}
}

// A nullable field (anyOf with null) is a pointer; an optional one too; an open object a
// map; the properties keep the document's order.
func TestTypes(t *testing.T) {
	g := parse(t, `{"x-provider":"p","x-events":[{"kind":"a.b","type":"AB"}],"$defs":{"AB":{"type":"object",
		"properties":{"z":{"type":"string"},"n":{"anyOf":[{"type":"integer"},{"type":"null"}]},"o":{"type":"object"},
		"e":{"enum":["x-y","z"],"type":"string"}},"required":["z","n"]}}}`)
	if err := g.check(); err != nil {
		t.Fatal(err)
	}
	src := string(g.types("P"))
	for _, want := range []string{"Z string `json:\"z\"`", "N *int64 `json:\"n,omitempty\"`", "O map[string]any `json:\"o\"`",
		"E *ABE `json:\"e,omitempty\"`", `ABEXY ABE = "x-y"`} {
		if !strings.Contains(src, want) {
			t.Errorf("no %s in\n%s", want, src)
		}
	}
	if strings.Index(src, "Z string") > strings.Index(src, "N *int64") {
		t.Error("the properties are not in the document's order")
	}
}
