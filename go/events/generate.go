package events

// The provider packages (salesos/, salescaling/, saleslab/, salesbooth/) are generated
// from the core's schemas, and committed: a module user never runs this. scripts/ci/go.sh
// runs it and fails when what it writes differs from what is committed.
//
//go:generate go run ./internal/gen ../../core/events
