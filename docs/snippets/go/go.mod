module example.com/hookseal-doc-snippets

go 1.26.0

require (
	github.com/hookseal/hookseal/go v0.0.0
	github.com/hookseal/hookseal/go/store/pgstore v0.0.0
)

require (
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/pgx/v5 v5.12.0 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	github.com/tetratelabs/wazero v1.12.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.44.0 // indirect
	golang.org/x/text v0.41.0 // indirect
)

// The modules in this checkout (run `go generate ./...` in ../../../go first).
replace (
	github.com/hookseal/hookseal/go => ../../../go
	github.com/hookseal/hookseal/go/store/pgstore => ../../../go/store/pgstore
)
