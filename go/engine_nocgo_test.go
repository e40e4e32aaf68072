//go:build !cgo || hookseal_wasm

package hookseal

// wantEngine is the engine a build without cgo uses.
const wantEngine = "wasm"
