//go:build cgo && !hookseal_wasm

package hookseal

// wantEngine is the engine a build with cgo uses.
const wantEngine = "cgo"
