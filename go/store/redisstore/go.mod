module github.com/hookseal/hookseal/go/store/redisstore

go 1.26.0

require (
	github.com/hookseal/hookseal/go v0.0.0
	github.com/redis/go-redis/v9 v9.23.0
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/tetratelabs/wazero v1.12.0 // indirect
	go.uber.org/atomic v1.12.0 // indirect
	golang.org/x/sys v0.48.0 // indirect
)

// The store contract and the hookseal module beside it, in this repository.
replace github.com/hookseal/hookseal/go => ../..
