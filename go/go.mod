module github.com/hookseal/hookseal/go

go 1.24
