package hookseal

// #include "hookseal.h"
import "C"

import "errors"

// Error is why a delivery was rejected or a verifier could not be built. Code is the
// stable snake_case code (the same string in every runtime), Status the HTTP status a
// receiver answers with (413, 400, 401; 500 for construction errors), Message a
// human explanation that never contains a secret.
//
// Match it with errors.Is against the sentinels (ErrSignatureMismatch, ...), or read
// Code after errors.As.
type Error struct {
	Code    string
	Status  int
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "hookseal: " + e.Code
	}
	return "hookseal: " + e.Code + ": " + e.Message
}

// Is reports whether target is an *Error with the same Code, so that
// errors.Is(err, ErrSignatureMismatch) holds for every signature mismatch.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// The sentinels, one per code of the core, built from the C library's own table
// (hookseal_status_code, hookseal_status_http) so that no copy of it can drift.
var (
	// ErrPayloadTooLarge: the body is longer than max_body (413).
	ErrPayloadTooLarge error = sentinel(C.HOOKSEAL_PAYLOAD_TOO_LARGE)
	// ErrMissingSignature: the signature (or token, or signed id) header is absent or empty (400).
	ErrMissingSignature error = sentinel(C.HOOKSEAL_MISSING_SIGNATURE)
	// ErrMalformedSignature: the signature header is not in the scheme's format (400).
	ErrMalformedSignature error = sentinel(C.HOOKSEAL_MALFORMED_SIGNATURE)
	// ErrMissingTimestamp: a timestamped scheme's timestamp is absent (400).
	ErrMissingTimestamp error = sentinel(C.HOOKSEAL_MISSING_TIMESTAMP)
	// ErrMalformedTimestamp: the timestamp is not 1 to 19 ASCII digits (400).
	ErrMalformedTimestamp error = sentinel(C.HOOKSEAL_MALFORMED_TIMESTAMP)
	// ErrTimestampTooOld: the timestamp is older than the tolerance allows (400).
	ErrTimestampTooOld error = sentinel(C.HOOKSEAL_TIMESTAMP_TOO_OLD)
	// ErrTimestampTooNew: the timestamp is further ahead than the tolerance allows (400).
	ErrTimestampTooNew error = sentinel(C.HOOKSEAL_TIMESTAMP_TOO_NEW)
	// ErrSignatureMismatch: no configured secret matches (401).
	ErrSignatureMismatch error = sentinel(C.HOOKSEAL_SIGNATURE_MISMATCH)
	// ErrInvalidSecret: no secret, or an empty or undecodable one.
	ErrInvalidSecret error = sentinel(C.HOOKSEAL_INVALID_SECRET)
	// ErrUnknownScheme: the scheme id is not known.
	ErrUnknownScheme error = sentinel(C.HOOKSEAL_UNKNOWN_SCHEME)
	// ErrInvalidOption: an option the scheme does not take, or an invalid value.
	ErrInvalidOption error = sentinel(C.HOOKSEAL_INVALID_OPTION)
)

// ErrClosed is returned by a Verifier used after Close.
var ErrClosed = errors.New("hookseal: the verifier is closed")

func sentinel(status C.HooksealStatus) *Error {
	return &Error{
		Code:   goString(C.hookseal_status_code(C.uint32_t(status))),
		Status: int(C.hookseal_status_http(C.uint32_t(status))),
	}
}

// sentinels by status number, for statusError.
var sentinels = map[C.HooksealStatus]error{
	C.HOOKSEAL_PAYLOAD_TOO_LARGE:   ErrPayloadTooLarge,
	C.HOOKSEAL_MISSING_SIGNATURE:   ErrMissingSignature,
	C.HOOKSEAL_MALFORMED_SIGNATURE: ErrMalformedSignature,
	C.HOOKSEAL_MISSING_TIMESTAMP:   ErrMissingTimestamp,
	C.HOOKSEAL_MALFORMED_TIMESTAMP: ErrMalformedTimestamp,
	C.HOOKSEAL_TIMESTAMP_TOO_OLD:   ErrTimestampTooOld,
	C.HOOKSEAL_TIMESTAMP_TOO_NEW:   ErrTimestampTooNew,
	C.HOOKSEAL_SIGNATURE_MISMATCH:  ErrSignatureMismatch,
	C.HOOKSEAL_INVALID_SECRET:      ErrInvalidSecret,
	C.HOOKSEAL_UNKNOWN_SCHEME:      ErrUnknownScheme,
	C.HOOKSEAL_INVALID_OPTION:      ErrInvalidOption,
}

// statusError is the error of a failed C call, with the message the call returned
// (taken and freed). A status that is not a core code (a caught panic) is "internal".
func statusError(status C.HooksealStatus, msg *C.char) error {
	return withMessage(sentinels[status], takeError(msg))
}

// withMessage is a copy of a sentinel that carries a message.
func withMessage(sentinel error, message string) error {
	s, ok := sentinel.(*Error)
	if !ok {
		return &Error{Code: "internal", Status: 500, Message: message}
	}
	e := *s
	e.Message = message
	return &e
}

// invalidOption is the error of an option the Go side rejects before calling C.
func invalidOption(message string) error {
	return withMessage(ErrInvalidOption, message)
}
