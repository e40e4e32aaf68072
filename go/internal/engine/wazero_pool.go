//go:build !cgo || hookseal_wasm

package engine

import (
	"runtime"
	"sync"
)

// bound is an instance, with the native verifier it holds (0 in the shared pool).
type bound struct {
	in     *instance
	handle uint32
}

// pool hands out instances, one caller at a time each: a wasm instance runs one call
// at once. At most GOMAXPROCS instances exist per pool (more could not run at the
// same moment anyway, and each holds its own linear memory); a caller beyond that
// waits for one to be put back. An instance that trapped or grew its memory for an
// outsized body is closed rather than kept.
type pool struct {
	tokens chan struct{} // one per instance in use
	keep   uint32        // the argument memory an instance may hold and be kept
	make   func() (*bound, Failure)
	mu     sync.Mutex
	idle   []*bound
}

// newPool is a pool whose calls pass bodies of up to maxBody bytes.
func newPool(maxBody int, makeOne func() (*bound, Failure)) *pool {
	keep := uint32(min(max(maxBody, 0)+scratchKeep, 1<<31))
	return &pool{tokens: newTokens(), keep: keep, make: makeOne}
}

func newTokens() chan struct{} { return make(chan struct{}, runtime.GOMAXPROCS(0)) }

// get takes an idle instance, or makes one.
func (p *pool) get() (*bound, Failure) {
	p.tokens <- struct{}{}
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		b := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return b, Failure{}
	}
	p.mu.Unlock()
	b, f := p.make()
	if f.Failed() {
		<-p.tokens
	}
	return b, f
}

// put gives an instance back after a call.
func (p *pool) put(b *bound) {
	if b.in.spent(p.keep) {
		b.in.close()
	} else {
		p.idleAdd(b)
	}
	<-p.tokens
}

// idleAdd adds an idle instance.
func (p *pool) idleAdd(b *bound) {
	p.mu.Lock()
	p.idle = append(p.idle, b)
	p.mu.Unlock()
}

// close closes the idle instances (with them, their native verifiers).
func (p *pool) close() {
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, b := range idle {
		b.in.close()
	}
}
