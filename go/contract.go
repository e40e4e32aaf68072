package hookseal

import "github.com/hookseal/hookseal/go/internal/receive"

// Contract is the core's receive contract (docs/receiving.md): every code a receiver
// answers with and its status, Retry-After and message; the de-duplication decision
// table; the claim key; the default lease and TTL. The middleware and the store
// package answer from it. Read-only.
type Contract = receive.Contract

// Reply is one row of the contract's reply table.
type Reply = receive.Reply

// RetryAfter says when a provider should retry after a Reply.
type RetryAfter = receive.RetryAfter

// ReceiveContract is the core's receive contract, read from the C library once when
// the program starts.
func ReceiveContract() *Contract { return receive.Core }

// Instrument is one metric instrument of the contract's metrics section: its name,
// kind ("counter" or "histogram") and unit.
type Instrument = receive.Instrument
