package hookseal

// Inside a checkout, both engines' core is built from the Rust crate bindings/c by one
// command, run in go/:
//
//	go generate ./...
//
// It calls build-lib.sh, which leaves lib/<goos>_<goarch>/libhookseal.a (the cgo
// engine links it by full path, internal/engine/cgo.go) and internal/engine/hookseal.wasm
// (embedded by the wasm engine); then it writes the sentinel errors, codes_generated.go,
// from the module's copy of the C header and the core's receive contract
// (internal/gencodes), in that order: the generator calls the core. A released module
// carries both files prebuilt (scripts/release/go-module.sh; README, "Inside a checkout,
// and in a release").

//go:generate bash ./build-lib.sh
//go:generate go run ./internal/gencodes
