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

// BenchmarkEvent1KiB: events.ParseBody (what events.Parse(verified) does once the
// envelope is read), with and without validation, against encoding/json into
// map[string]any and into the generated struct itself.
func BenchmarkEvent1KiB(b *testing.B) {
	body := body1KiB(b)
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := events.ParseBody("salesos", "deal.won", body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseWithValidation", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := events.ParseBody("salesos", "deal.won", body, events.WithValidation()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnmarshalMap", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnmarshalStruct", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var e salesos.DealWon
			if err := json.Unmarshal(body, &e); err != nil {
				b.Fatal(err)
			}
		}
	})
}
