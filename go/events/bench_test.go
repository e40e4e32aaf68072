package events_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hookseal/hookseal/go/events"
	"github.com/hookseal/hookseal/go/events/salesos"
)

// body1KiB is a SalesOS deal.won of 1 KiB: the deal's fields, and notes the schema does
// not name (a real CRM's extra fields), which every decoder still reads.
func body1KiB(tb testing.TB) []byte {
	var notes []string
	b := ""
	for i := 0; len(b) < 1024; i++ {
		notes = append(notes, fmt.Sprintf(`"note_%d":"follow up with the buyer about the renewal terms"`, i))
		b = `{"id":"evt_01HZX3K9","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"deal_8812",` +
			`"name":"Acme renewal 2026","value":48000.5,"stage":"Closed Won","owner_id":"usr_204","previous_stage":"Negotiation",` +
			strings.Join(notes, ",") + `}}`
	}
	if _, err := events.ParseBody("salesos", "deal.won", []byte(b), events.WithValidation()); err != nil {
		tb.Fatal(err)
	}
	return []byte(b)
}

// decoders are what BenchmarkEvent1KiB compares: events.ParseBody (what
// events.Parse(verified) does once the envelope is read), with and without validation,
// and encoding/json into map[string]any and into the generated struct itself.
func decoders() []struct {
	name string
	run  func(body []byte) error
} {
	return []struct {
		name string
		run  func(body []byte) error
	}{
		{"Parse", func(body []byte) error { _, err := events.ParseBody("salesos", "deal.won", body); return err }},
		{"ParseWithValidation", func(body []byte) error {
			_, err := events.ParseBody("salesos", "deal.won", body, events.WithValidation())
			return err
		}},
		{"UnmarshalMap", func(body []byte) error { var m map[string]any; return json.Unmarshal(body, &m) }},
		{"UnmarshalStruct", func(body []byte) error { var e salesos.DealWon; return json.Unmarshal(body, &e) }},
	}
}

// BenchmarkEvent1KiB runs each decoder of a 1 KiB deal.won. On a shared machine the
// ns/op of one sub-benchmark against another's is mostly the neighbours' load:
// BenchmarkEvent1KiBRatios takes turns instead.
func BenchmarkEvent1KiB(b *testing.B) {
	body := body1KiB(b)
	for _, d := range decoders() {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := d.run(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
