package hookseal

// The static library is built from the Rust crate bindings/c by one command, run in go/:
//
//	go generate ./...
//
// It calls build-lib.sh (cargo build --release -p hookseal-c) and leaves
// go/lib/libhookseal.a, which cgo links by full path.

//go:generate bash ./build-lib.sh
