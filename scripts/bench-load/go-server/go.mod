module example.com/hookseal-load

go 1.26.0

require github.com/hookseal/hookseal/go v0.0.0

require (
	github.com/tetratelabs/wazero v1.12.0 // indirect
	golang.org/x/sys v0.44.0 // indirect
)

// Build against the module in this checkout (scripts/bench-load/build.sh runs `go generate ./...` in go/ first).
replace github.com/hookseal/hookseal/go => ../../../go
