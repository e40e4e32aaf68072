package hookseal

import (
	"errors"

	"github.com/hookseal/hookseal/go/internal/engine"
	"github.com/hookseal/hookseal/go/internal/receive"
)

// Error is why a delivery was rejected or a verifier could not be built. Code is the
// stable snake_case code (the same string in every runtime), Status the HTTP status a
// receiver answers with (413, 400, 401; 500 for construction errors; see
// docs/receiving.md), Message a human explanation that never contains a secret.
//
// Match it with errors.Is against the sentinels (ErrSignatureMismatch, ...), or read
// Code after errors.As.
type Error struct {
	Code    string
	Status  int
	Message string
	// Explanation is the core's diagnosis of a rejected delivery, set only by a verifier
	// built with WithExplain(true) (or HOOKSEAL_EXPLAIN=1); nil otherwise.
	Explanation *Explanation
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

// byCode holds an *Error for every code of the core's receive contract (its status
// from the contract's reply table), and byStatus the verification codes by the C
// library's status number (hookseal_status_code), so that neither the codes nor their
// statuses are written down a second time here.
var byCode, byStatus = codeTables()

func codeTables() (map[string]*Error, map[engine.Status]*Error) {
	codes := map[string]*Error{}
	for code, r := range receive.Core.Replies {
		codes[code] = &Error{Code: code, Status: r.Status}
	}
	statuses := map[engine.Status]*Error{}
	// Every number the ABI could name; 0 is OK, 254 and 255 are the ABI's own
	// (invalid_argument, internal), which are no delivery's fault: "internal" below.
	for n := engine.Status(1); n < engine.StatusInvalidArgument; n++ {
		if code := engine.StatusCode(n); code != "" {
			e, ok := codes[code]
			if !ok {
				// A code the core verifies with but does not answer: the tables disagree,
				// which the core's own tests rule out.
				panic("hookseal: the core's status " + code + " is not in its receive contract")
			}
			statuses[n] = e
		}
	}
	return codes, statuses
}

// sentinel is the *Error of a code of the core's contract.
func sentinel(code string) *Error {
	e, ok := byCode[code]
	if !ok {
		panic("hookseal: the core's receive contract has no code " + code)
	}
	return e
}

// The sentinels themselves (ErrSignatureMismatch, ...) are generated from the C header
// and the contract into codes_generated.go (go generate; internal/gencodes).

// ErrClosed is returned by a Verifier used after Close, and by ReadEnvelope of a
// Verified whose verifier was closed before its envelope was read.
var ErrClosed = errors.New("hookseal: the verifier is closed")

// statusError is the error of a failed call into the core, with the message the call
// returned. A status that is no verification code (the ABI's invalid_argument, a
// caught panic) is "internal".
func statusError(f engine.Failure) error {
	e, ok := byStatus[f.Status]
	if !ok {
		e = byCode["internal"]
	}
	return withMessage(e, f.Message)
}

// withMessage is a copy of a sentinel that carries a message; for an error that is no
// *Error, "internal".
func withMessage(sentinel error, message string) error {
	s, ok := sentinel.(*Error)
	if !ok {
		s = byCode["internal"]
	}
	e := *s
	e.Message = message
	return &e
}

// invalidOption is the error of an option the Go side rejects before calling C.
func invalidOption(message string) error {
	return withMessage(ErrInvalidOption, message)
}
