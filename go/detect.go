package hookseal

// #include "hookseal.h"
import "C"

import (
	"net/http"
	"runtime"
)

// Detect is the scheme id whose signature header h carries ("stripe", "saleslab", ...),
// or "" when none does. Salescaling and custom schemes use configurable headers and are
// never detected.
func Detect(h http.Header) string {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	headers := make([]C.HooksealHeader, 0, len(h))
	for name, values := range h {
		if len(values) > 0 {
			headers = append(headers, C.HooksealHeader{name: cBytes(name, &pinner), value: cBytes(values[0], &pinner)})
		}
	}
	var scheme C.HooksealBytes
	if C.hookseal_detect(sliceData(headers), C.size_t(len(headers)), &scheme, nil) != C.HOOKSEAL_OK {
		return ""
	}
	return goString(scheme)
}
