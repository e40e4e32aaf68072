package hookseal

import "testing"

// The build picks the engine by cgo alone: the suite runs once per engine
// (scripts/ci/go.sh), and each run checks it is the one it meant.
func TestEngineIsTheBuildOne(t *testing.T) {
	if got := Engine(); got != wantEngine {
		t.Fatalf("Engine() = %q, want %q", got, wantEngine)
	}
}
