package hookseal

// The static library is built from the Rust crate bindings/c by one command, run in go/:
//
//	go generate ./...
//
// It calls build-lib.sh (cargo build --release -p hookseal-c) and leaves
// go/lib/libhookseal.a, which cgo links by full path; then it writes the sentinel
// errors, codes_generated.go, from the C header and the library's receive contract
// (internal/gencodes), in that order: the generator links the library.

//go:generate bash ./build-lib.sh
//go:generate go run ./internal/gencodes
