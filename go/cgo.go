package hookseal

// The one place the C library is linked. The static archive is named by full path: a
// -lhookseal flag would pick the shared library beside it in cargo's target directory.
// noescape/nocallback: the C side keeps no Go pointer past a call and never calls back
// into Go, so arguments can stay on the Go stack (no allocation per call).

/*
#cgo CFLAGS: -I${SRCDIR}/../bindings/c/include
#cgo LDFLAGS: ${SRCDIR}/lib/libhookseal.a -lm -ldl -lpthread
#cgo noescape hookseal_verify_values
#cgo nocallback hookseal_verify_values
#cgo noescape hookseal_envelope
#cgo nocallback hookseal_envelope
#include "hookseal.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// emptyValue gives a present-but-empty header value a non-NULL pointer (NULL means
// "absent" to the C ABI). A package variable is never moved, so needs no pin.
var emptyValue [1]byte

// cBytes borrows s for one C call, pinning its bytes so that a struct holding the
// pointer may itself live in Go memory.
func cBytes(s string, pinner *runtime.Pinner) C.HooksealBytes {
	if len(s) == 0 {
		return C.HooksealBytes{ptr: (*C.uint8_t)(unsafe.Pointer(&emptyValue[0])), len: 0}
	}
	data := unsafe.StringData(s)
	pinner.Pin(data)
	return C.HooksealBytes{ptr: (*C.uint8_t)(unsafe.Pointer(data)), len: C.size_t(len(s))}
}

// valuePtr points at a header value for one call; an empty value gets a non-NULL
// pointer, since NULL means "absent".
func valuePtr(s string) *C.uint8_t {
	if len(s) == 0 {
		return (*C.uint8_t)(unsafe.Pointer(&emptyValue[0]))
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.StringData(s)))
}

// cBody points at a body for one call: nil for an empty body.
func cBody(body []byte) (*C.uint8_t, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(body))), C.size_t(len(body))
}

// goString copies borrowed C bytes into a Go string.
func goString(b C.HooksealBytes) string {
	if b.ptr == nil {
		return ""
	}
	return C.GoStringN((*C.char)(unsafe.Pointer(b.ptr)), C.int(b.len))
}

// takeString copies an owned C string into Go; the owner struct's _free releases it.
func takeString(s C.HooksealString) string {
	if s.ptr == nil {
		return ""
	}
	return C.GoStringN(s.ptr, C.int(s.len))
}

// takeError turns a message from an error_out into Go and frees it.
func takeError(msg *C.char) string {
	if msg == nil {
		return ""
	}
	defer C.hookseal_error_free(msg)
	return C.GoString(msg)
}
