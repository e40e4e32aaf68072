package hookseal

import (
	"net/http"

	"github.com/hookseal/hookseal/go/internal/engine"
)

// Detect is the scheme id whose signature header h carries ("stripe", "saleslab", ...),
// or "" when none does. Salescaling and custom schemes use configurable headers and are
// never detected.
func Detect(h http.Header) string {
	headers := make([][2]string, 0, len(h))
	for name, values := range h {
		if len(values) > 0 {
			headers = append(headers, [2]string{name, values[0]})
		}
	}
	return engine.Detect(headers)
}
