module example.com/hookseal-nethttp

go 1.24

require github.com/hookseal/hookseal/go v0.0.0

// Build against the module in this checkout (run `go generate ./...` in ../../go first).
replace github.com/hookseal/hookseal/go => ../../go
