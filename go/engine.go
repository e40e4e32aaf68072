package hookseal

import "github.com/hookseal/hookseal/go/internal/engine"

// Engine names how this build reaches the Rust core: "cgo" (the static library of the
// platform, linked when cgo is enabled) or "wasm" (the same C ABI crate compiled to
// WebAssembly, embedded in the module and run by wazero, when CGO_ENABLED=0). The API
// and the answers are the same; the costs are in the README.
func Engine() string { return engine.Name }
