//go:build !cgo || hookseal_wasm

package engine

import (
	"bytes"
	"context"
	_ "embed" // the core as WebAssembly
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// coreWasm is bindings/c built for wasm32-unknown-unknown: by `go generate ./...` in a
// checkout (build-wasm.sh, gitignored), by scripts/release/go-module.sh for a release.
//
//go:embed hookseal.wasm
var coreWasm []byte

// The C ABI functions the engine calls, by index into instance.fns.
const (
	fnAlloc = iota
	fnFree
	fnErrorFree
	fnVerifierNew
	fnVerifierFree
	fnHeaderNameCount
	fnHeaderName
	fnMaxBody
	fnVerifyValues
	fnEnvelope
	fnEnvelopeFree
	fnSign
	fnHeaderListFree
	fnDetect
	fnStatusCode
	fnSchemesJSON
	fnReceiveContract
	fnClaimKey
	fnStringFree
	fnVerifierNewSecrets
	fnExplain
	fnTenantClaimKey
	fnCount
)

var exports = [fnCount]string{
	fnAlloc:           "hookseal_wasm_alloc",
	fnFree:            "hookseal_wasm_free",
	fnErrorFree:       "hookseal_error_free",
	fnVerifierNew:     "hookseal_wasm_verifier_new",
	fnVerifierFree:    "hookseal_verifier_free",
	fnHeaderNameCount: "hookseal_verifier_header_name_count",
	fnHeaderName:      "hookseal_wasm_verifier_header_name",
	fnMaxBody:         "hookseal_verifier_max_body",
	fnVerifyValues:    "hookseal_verify_values",
	fnEnvelope:        "hookseal_envelope",
	fnEnvelopeFree:    "hookseal_envelope_free",
	fnSign:            "hookseal_wasm_sign",
	fnHeaderListFree:  "hookseal_header_list_free",
	fnDetect:          "hookseal_detect",
	fnStatusCode:      "hookseal_wasm_status_code",
	fnSchemesJSON:     "hookseal_schemes_json",
	fnReceiveContract: "hookseal_receive_contract",
	fnClaimKey:        "hookseal_wasm_claim_key",
	fnStringFree:      "hookseal_string_free",

	fnVerifierNewSecrets: "hookseal_wasm_verifier_new_secrets",
	fnExplain:            "hookseal_explain",
	fnTenantClaimKey:     "hookseal_wasm_tenant_claim_key",
}

// maxParams is the most parameters of a function above (hookseal_wasm_sign).
const maxParams = 13

// compiled is the module, compiled once per process on first use, which is the
// initialisation of the hookseal package (it reads the core's tables): the first-call
// cost of this engine (BenchmarkFirstCall measures it).
var compiled = sync.OnceValues(func() (*wasmCore, error) { return compile(context.Background()) })

type wasmCore struct {
	runtime wazero.Runtime
	module  wazero.CompiledModule
}

func compile(ctx context.Context) (*wasmCore, error) {
	rt := wazero.NewRuntime(ctx)
	mod, err := rt.CompileModule(ctx, coreWasm)
	if err != nil {
		_ = rt.Close(ctx)
		return nil, err
	}
	return &wasmCore{rt, mod}, nil
}

// scratchKeep is how much argument memory an instance may grow to and still be pooled,
// beyond its verifier's max_body: a bigger body (a Verify called with more than
// max_body, which the core then rejects) grows the instance's memory, which never
// shrinks, so that instance is closed after the call rather than kept.
const scratchKeep = 1 << 20

// instance is one instance of the module and the argument block it reuses.
type instance struct {
	mod     api.Module
	mem     api.Memory
	fns     [fnCount]api.Function
	stack   [maxParams]uint64
	scratch uint32 // the argument block (hookseal_wasm_alloc), or 0
	size    uint32 // its size
	broken  bool   // a call trapped: the instance's state is unknown
}

func newInstance() (*instance, Failure) {
	core, err := compiled()
	if err != nil {
		return nil, Failure{StatusInternal, "the wasm engine does not compile: " + err.Error()}
	}
	return core.instance()
}

// instance instantiates the compiled module.
func (core *wasmCore) instance() (*instance, Failure) {
	ctx := context.Background()
	// An empty name: any number of instances of the module may exist at once.
	mod, err := core.runtime.InstantiateModule(ctx, core.module, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		return nil, Failure{StatusInternal, "the wasm engine does not start: " + err.Error()}
	}
	in := &instance{mod: mod, mem: mod.Memory()}
	for i, name := range exports {
		if in.fns[i] = mod.ExportedFunction(name); in.fns[i] == nil {
			in.close()
			return nil, Failure{StatusInternal, "the wasm engine does not export " + name}
		}
	}
	return in, Failure{}
}

// spent reports whether the instance must not be reused by a pool whose calls need at
// most keep bytes of arguments.
func (in *instance) spent(keep uint32) bool { return in.broken || in.size > keep }

func (in *instance) close() { _ = in.mod.Close(context.Background()) }

// call calls a function; a trap (a panic in the core, which aborts in wasm) breaks the
// instance and is an internal failure.
func (in *instance) call(fn int, args ...uint64) (uint64, Failure) {
	stack := in.stack[:max(len(args), 1)]
	copy(stack, args)
	if err := in.fns[fn].CallWithStack(context.Background(), stack); err != nil {
		in.broken = true
		return 0, Failure{StatusInternal, fmt.Sprintf("the core trapped in %s: %v", exports[fn], err)}
	}
	return stack[0], Failure{}
}

// reserve makes the argument block at least n bytes; it returns its address.
func (in *instance) reserve(n uint32) (uint32, Failure) {
	if n <= in.size && in.scratch != 0 {
		return in.scratch, Failure{}
	}
	if in.scratch != 0 {
		if _, f := in.call(fnFree, uint64(in.scratch), uint64(in.size)); f.Failed() {
			return 0, f
		}
		in.scratch, in.size = 0, 0
	}
	size := max(n, 64<<10)
	ptr, f := in.call(fnAlloc, uint64(size))
	if f.Failed() {
		return 0, f
	}
	if ptr == 0 {
		in.broken = true
		return 0, Failure{StatusInternal, "the wasm engine is out of memory"}
	}
	in.scratch, in.size = uint32(ptr), size
	return in.scratch, Failure{}
}

// frame lays out one call's arguments in the argument block, front to back.
type frame struct {
	in   *instance
	base uint32
	off  uint32
}

// frame reserves n bytes of arguments (the caller's sum of every part, with 8 bytes of
// alignment slack per struct) and starts laying them out.
func (in *instance) frame(n int) (frame, Failure) {
	if n < 0 || uint64(n) > 1<<31 {
		return frame{}, Failure{StatusInvalidArgument, "the arguments are over the wasm engine's 2 GiB"}
	}
	base, f := in.reserve(uint32(n))
	return frame{in: in, base: base}, f
}

// slot is room for a struct of n bytes, aligned to 8 and zeroed.
func (fr *frame) slot(n uint32) uint32 {
	fr.off = (fr.off + 7) &^ 7
	p := fr.base + fr.off
	fr.off += n
	buf, _ := fr.in.mem.Read(p, n)
	clear(buf)
	return p
}

// bytes copies b in; a non-NULL address even when b is empty (NULL means absent).
func (fr *frame) bytes(b []byte) (uint32, uint32) {
	p := fr.base + fr.off
	fr.in.mem.Write(p, b)
	fr.off += uint32(len(b))
	return p, uint32(len(b))
}

// str is bytes for a string.
func (fr *frame) str(s string) (uint32, uint32) {
	p := fr.base + fr.off
	fr.in.mem.WriteString(p, s)
	fr.off += uint32(len(s))
	return p, uint32(len(s))
}

// body is bytes, with NULL for an empty body.
func (fr *frame) body(b []byte) (uint32, uint32) {
	if len(b) == 0 {
		return 0, 0
	}
	return fr.bytes(b)
}

// put32 and put64 write little-endian words at p.
func (in *instance) put32(p, v uint32) { in.mem.WriteUint32Le(p, v) }
func (in *instance) put64(p uint32, v uint64) {
	in.mem.WriteUint64Le(p, v)
}

// u32 reads a word.
func (in *instance) u32(p uint32) uint32 {
	v, _ := in.mem.ReadUint32Le(p)
	return v
}

// copyOut copies n bytes at p out of the instance.
func (in *instance) copyOut(p, n uint32) string {
	if p == 0 {
		return ""
	}
	b, ok := in.mem.Read(p, n)
	if !ok {
		return ""
	}
	return string(b)
}

// pair reads a (ptr, len) struct at p: HooksealBytes or HooksealString.
func (in *instance) pair(p uint32) string {
	b, ok := in.mem.Read(p, 8)
	if !ok {
		return ""
	}
	return in.copyOut(binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:]))
}

// cString reads a NUL-terminated string.
func (in *instance) cString(p uint32) string {
	if p == 0 || p >= in.mem.Size() {
		return ""
	}
	b, _ := in.mem.Read(p, in.mem.Size()-p)
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// failure is the Failure of a status, with the message at errPtr taken and freed.
func (in *instance) failure(status uint64, errPtr uint32) Failure {
	f := Failure{Status: Status(uint32(status))}
	if msg := in.u32(errPtr); msg != 0 {
		f.Message = in.cString(msg)
		in.call(fnErrorFree, uint64(msg))
	}
	return f
}
