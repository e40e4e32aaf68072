package hookseal

import (
	"encoding/json"
	"sync"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// SchemeInfo is one row of the core's scheme table (docs/schemes.md): what a scheme
// reads and signs. Absent headers and fields are "".
type SchemeInfo struct {
	ID              string `json:"id"`               // the scheme id NewVerifier takes
	Provider        string `json:"provider"`         // who sends it
	SignatureHeader string `json:"signature_header"` // "" when configured (salescaling, custom)
	Layout          struct {
		Kind   string `json:"kind"`   // "prefixed", "stripe", "standard-webhooks", "token", "configured"
		Prefix string `json:"prefix"` // for "prefixed"
	} `json:"layout"`
	Content         string   `json:"content"`     // what is signed; "" when configured
	Timestamped     bool     `json:"timestamped"` // whether a timestamp is signed and checked
	TimestampHeader string   `json:"timestamp_header"`
	IDHeader        string   `json:"id_header"`
	KindHeader      string   `json:"kind_header"`
	DeliveryHeader  string   `json:"delivery_header"`
	KindFields      []string `json:"kind_fields"`
	IDField         string   `json:"id_field"`
	TenantField     string   `json:"tenant_field"`
	Options         []string `json:"options"` // the options it takes beyond max_body, snake_case
}

// Schemes is the core's scheme table, in the core's order, read from the C library
// (hookseal_schemes_json) on first use. The slice is a fresh copy; its rows share
// their string slices, which must not be changed.
func Schemes() []SchemeInfo { return append([]SchemeInfo(nil), schemeTable()...) }

var schemeTable = sync.OnceValue(func() []SchemeInfo {
	var rows []SchemeInfo
	if err := json.Unmarshal([]byte(engine.SchemesJSON()), &rows); err != nil {
		panic("hookseal: the core's scheme table does not parse: " + err.Error())
	}
	return rows
})

// knownScheme reports whether id is a scheme of the core's table.
func knownScheme(id string) bool {
	for _, s := range schemeTable() {
		if s.ID == id {
			return true
		}
	}
	return false
}
