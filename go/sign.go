package hookseal

// #include "hookseal.h"
import "C"

import (
	"net/http"
	"runtime"
	"unsafe"
)

// Sign returns the headers a provider would send with body, signed with secret: for
// tests, for a local sender, for services that emit these webhooks themselves.
// WithTimestamp (default now) and, for standard-webhooks, WithID set what is signed;
// the scheme's options (WithHeader, WithPrefix, the custom ones) apply as for a verifier.
func Sign(scheme, secret string, body []byte, opts ...Option) (http.Header, error) {
	pairs, err := signPairs(scheme, secret, body, opts)
	if err != nil {
		return nil, err
	}
	h := make(http.Header, len(pairs))
	for _, p := range pairs {
		h.Add(p[0], p[1])
	}
	return h, nil
}

// signPairs is Sign with the headers in the core's order, names lowercase.
func signPairs(scheme, secret string, body []byte, opts []Option) ([][2]string, error) {
	cfg := newConfig(opts)
	if len(cfg.secrets) > 0 {
		return nil, invalidOption("Sign takes its one secret as an argument, not WithSecrets")
	}
	var pinner runtime.Pinner
	defer pinner.Unpin()
	options := cOptions(cfg.pairs, &pinner)
	var ts *C.int64_t
	if cfg.timestamp != nil {
		ts = (*C.int64_t)(unsafe.Pointer(cfg.timestamp))
	}
	var id C.HooksealBytes
	if cfg.id != nil {
		id = cBytes(*cfg.id, &pinner)
	}
	ptr, n := cBody(body)
	var list C.HooksealHeaderList
	var msg *C.char
	status := C.hookseal_sign(cBytes(scheme, &pinner), cBytes(secret, &pinner), sliceData(options),
		C.size_t(len(options)), ptr, n, ts, id, &list, &msg)
	runtime.KeepAlive(body)
	if status != C.HOOKSEAL_OK {
		return nil, statusError(status, msg)
	}
	defer C.hookseal_header_list_free(&list)
	items := unsafe.Slice(list.ptr, int(list.len))
	out := make([][2]string, len(items))
	for i, item := range items {
		out[i] = [2]string{takeString(item.name), takeString(item.value)}
	}
	return out, nil
}
