//go:build !cgo || hookseal_wasm

package engine

import "encoding/binary"

// The calls of the wasm engine: each lays its arguments out in the instance's argument
// block, calls, and reads the result by the wasm32 layout of the C structs:
//
//	HooksealBytes, HooksealString   {ptr u32, len u32}                         8 bytes
//	HooksealOption, HooksealHeader  {Bytes, Bytes}                             16
//	HooksealSecret                  {value Bytes @0, not_after i64 @8,
//	                                 has_not_after bool @16}                   24
//	HooksealVerified                {secret_index u32 @0, timestamp u64 @8,
//	                                 has_timestamp bool @16}                   24
//	HooksealEnvelope                {kind @0, event_id @8, event_id_signed @16,
//	                                 tenant @20, idempotency_key @28}          36
//	HooksealHeaderOut {name, value} 16; HooksealHeaderList {ptr, len}          8

const (
	sizeBytes    = 8
	sizePair     = 16
	sizeVerified = 24
	sizeEnvelope = 36
	sizeSecret   = 24
	sizeWord     = 4
	sizeInt64    = 8
	slack        = 8 // the alignment of one struct
)

// verifierNew builds a native verifier in this instance.
func (in *instance) verifierNew(cfg Config) (uint32, Failure) {
	n := len(cfg.Scheme) + 2*(sizeWord+slack) + len(cfg.Secrets)*sizeSecret + len(cfg.Options)*sizePair + 2*slack
	for _, s := range cfg.Secrets {
		n += len(s.Value)
	}
	for _, o := range cfg.Options {
		n += len(o[0]) + len(o[1])
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return 0, f
	}
	out, errPtr := fr.slot(sizeWord), fr.slot(sizeWord)
	secrets := fr.slot(uint32(len(cfg.Secrets) * sizeSecret))
	options := fr.slot(uint32(len(cfg.Options) * sizePair))
	for i, s := range cfg.Secrets {
		at := secrets + uint32(i*sizeSecret)
		fr.strAt(at, s.Value)
		in.put64(at+8, uint64(s.NotAfter))
		var has uint32
		if s.HasNotAfter {
			has = 1
		}
		in.put32(at+16, has) // the bool and the struct's padding after it
	}
	for i, o := range cfg.Options {
		fr.strAt(options+uint32(i*sizePair), o[0])
		fr.strAt(options+uint32(i*sizePair+sizeBytes), o[1])
	}
	sp, sn := fr.str(cfg.Scheme)
	status, f := in.call(fnVerifierNewSecrets, uint64(sp), uint64(sn), uint64(secrets), uint64(len(cfg.Secrets)),
		uint64(options), uint64(len(cfg.Options)), uint64(out), uint64(errPtr))
	if f.Failed() {
		return 0, f
	}
	if status != 0 {
		return 0, in.failure(status, errPtr)
	}
	return in.u32(out), Failure{}
}

// verifierInfo reads the max body and the header names of the instance's verifier.
func (b *bound) verifierInfo() (int, []string, Failure) {
	in := b.in
	maxBody, f := in.call(fnMaxBody, uint64(b.handle))
	if f.Failed() {
		return 0, nil, f
	}
	count, f := in.call(fnHeaderNameCount, uint64(b.handle))
	if f.Failed() {
		return 0, nil, f
	}
	if count > MaxHeaderNames { // the core's own bound: a broken module
		return 0, nil, Failure{StatusInternal, "the verifier reads more headers than HOOKSEAL_MAX_HEADER_NAMES"}
	}
	fr, f := in.frame(sizeBytes + slack)
	if f.Failed() {
		return 0, nil, f
	}
	out := fr.slot(sizeBytes)
	names := make([]string, 0, count)
	for i := uint64(0); i < count; i++ {
		if _, f := in.call(fnHeaderName, uint64(b.handle), i, uint64(out)); f.Failed() {
			return 0, nil, f
		}
		names = append(names, in.pair(out))
	}
	return int(uint32(maxBody)), names, Failure{}
}

// strAt copies s in and writes its HooksealBytes at p.
func (fr *frame) strAt(p uint32, s string) {
	ptr, n := fr.str(s)
	fr.in.put32(p, ptr)
	fr.in.put32(p+4, n)
}

// verify is hookseal_verify_values with the clock given.
func (b *bound) verify(names int, body []byte, values *Values, now int64) (Result, Failure) {
	in := b.in
	n := len(body) + sizeVerified + sizeWord + sizeInt64 + 3*slack
	for i := 0; i < names; i++ {
		n += len(values.V[i])
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return Result{}, f
	}
	out, errPtr, clock := fr.slot(sizeVerified), fr.slot(sizeWord), fr.slot(sizeInt64)
	in.put64(clock, uint64(now))
	var args [2 * MaxHeaderNames]uint64 // absent values stay (NULL, 0)
	for i := 0; i < names; i++ {
		if values.Has(i) {
			p, l := fr.str(values.V[i])
			args[2*i], args[2*i+1] = uint64(p), uint64(l)
		}
	}
	bp, bn := fr.body(body)
	status, f := in.call(fnVerifyValues, uint64(b.handle), uint64(bp), uint64(bn),
		args[0], args[1], args[2], args[3], args[4], args[5], uint64(clock), uint64(out), uint64(errPtr))
	if f.Failed() {
		return Result{}, f
	}
	if status != 0 {
		return Result{}, in.failure(status, errPtr)
	}
	res, _ := in.mem.Read(out, sizeVerified)
	return Result{
		SecretIndex:  int(binary.LittleEndian.Uint32(res[0:])),
		Timestamp:    int64(binary.LittleEndian.Uint64(res[8:])),
		HasTimestamp: res[16] != 0,
	}, Failure{}
}

// envelope is hookseal_envelope.
func (b *bound) envelope(names int, body []byte, values *Values) (Envelope, bool) {
	in := b.in
	n := len(body) + sizeEnvelope + MaxHeaderNames*sizeBytes + 2*slack
	for i := 0; i < names; i++ {
		n += len(values.V[i])
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return Envelope{}, false
	}
	out, list := fr.slot(sizeEnvelope), fr.slot(uint32(names*sizeBytes))
	for i := 0; i < names; i++ {
		if values.Has(i) {
			fr.strAt(list+uint32(i*sizeBytes), values.V[i])
		}
	}
	bp, bn := fr.body(body)
	status, f := in.call(fnEnvelope, uint64(b.handle), uint64(bp), uint64(bn), uint64(list), uint64(names), uint64(out), 0)
	if f.Failed() || status != 0 {
		return Envelope{}, false
	}
	signed, _ := in.mem.ReadByte(out + 16)
	env := Envelope{
		Kind:           in.pair(out),
		EventID:        in.pair(out + 8),
		EventIDSigned:  signed != 0,
		Tenant:         in.pair(out + 20),
		IdempotencyKey: in.pair(out + 28),
	}
	in.call(fnEnvelopeFree, uint64(out))
	return env, true
}

// sign is hookseal_sign.
func (in *instance) sign(req SignRequest) ([][2]string, Failure) {
	n := len(req.Scheme) + len(req.Secret) + len(req.Body) + len(req.Options)*sizePair +
		sizeInt64 + sizeBytes + sizeWord + 4*slack
	for _, o := range req.Options {
		n += len(o[0]) + len(o[1])
	}
	if req.ID != nil {
		n += len(*req.ID)
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return nil, f
	}
	list, errPtr, ts := fr.slot(sizeBytes), fr.slot(sizeWord), fr.slot(sizeInt64)
	options := fr.slot(uint32(len(req.Options) * sizePair))
	for i, o := range req.Options {
		fr.strAt(options+uint32(i*sizePair), o[0])
		fr.strAt(options+uint32(i*sizePair+sizeBytes), o[1])
	}
	var tsPtr uint32
	if req.Timestamp != nil {
		in.put64(ts, uint64(*req.Timestamp))
		tsPtr = ts
	}
	var idPtr, idLen uint32
	if req.ID != nil {
		idPtr, idLen = fr.str(*req.ID)
	}
	sp, sn := fr.str(req.Scheme)
	kp, kn := fr.str(req.Secret)
	bp, bn := fr.body(req.Body)
	status, f := in.call(fnSign, uint64(sp), uint64(sn), uint64(kp), uint64(kn), uint64(options),
		uint64(len(req.Options)), uint64(bp), uint64(bn), uint64(tsPtr), uint64(idPtr), uint64(idLen),
		uint64(list), uint64(errPtr))
	if f.Failed() {
		return nil, f
	}
	if status != 0 {
		return nil, in.failure(status, errPtr)
	}
	items, count := in.u32(list), in.u32(list+4)
	out := make([][2]string, count)
	for i := range out {
		item := items + uint32(i*sizePair)
		out[i] = [2]string{in.pair(item), in.pair(item + sizeBytes)}
	}
	in.call(fnHeaderListFree, uint64(list))
	return out, Failure{}
}

// detect is hookseal_detect.
func (in *instance) detect(headers [][2]string) string {
	n := len(headers)*sizePair + sizeBytes + 2*slack
	for _, h := range headers {
		n += len(h[0]) + len(h[1])
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return ""
	}
	out, list := fr.slot(sizeBytes), fr.slot(uint32(len(headers)*sizePair))
	for i, h := range headers {
		fr.strAt(list+uint32(i*sizePair), h[0])
		fr.strAt(list+uint32(i*sizePair+sizeBytes), h[1])
	}
	status, f := in.call(fnDetect, uint64(list), uint64(len(headers)), uint64(out), 0)
	if f.Failed() || status != 0 {
		return ""
	}
	return in.pair(out)
}

// statusCode is hookseal_status_code.
func (in *instance) statusCode(n Status) string {
	fr, f := in.frame(sizeBytes + slack)
	if f.Failed() {
		return ""
	}
	out := fr.slot(sizeBytes)
	if _, f := in.call(fnStatusCode, uint64(n), uint64(out)); f.Failed() {
		return ""
	}
	return in.pair(out)
}

// staticString reads the static NUL-terminated string a function returns.
func (in *instance) staticString(fn int) string {
	p, f := in.call(fn)
	if f.Failed() {
		return ""
	}
	return in.cString(uint32(p))
}

// claimKey is hookseal_claim_key.
func (in *instance) claimKey(scheme, key string) string {
	fr, f := in.frame(len(scheme) + len(key) + sizeBytes + slack)
	if f.Failed() {
		return ""
	}
	out := fr.slot(sizeBytes)
	sp, sn := fr.str(scheme)
	kp, kn := fr.str(key)
	status, f := in.call(fnClaimKey, uint64(sp), uint64(sn), uint64(kp), uint64(kn), uint64(out), 0)
	if f.Failed() || status != 0 {
		return ""
	}
	s := in.pair(out)
	in.call(fnStringFree, uint64(out))
	return s
}

// explain is hookseal_explain.
func (b *bound) explain(headers [][2]string, body []byte, now int64) (string, Failure) {
	in := b.in
	n := len(body) + len(headers)*sizePair + sizeBytes + sizeWord + sizeInt64 + 4*slack
	for _, h := range headers {
		n += len(h[0]) + len(h[1])
	}
	fr, f := in.frame(n)
	if f.Failed() {
		return "", f
	}
	out, errPtr, clock := fr.slot(sizeBytes), fr.slot(sizeWord), fr.slot(sizeInt64)
	list := fr.slot(uint32(len(headers) * sizePair))
	for i, h := range headers {
		fr.strAt(list+uint32(i*sizePair), h[0])
		fr.strAt(list+uint32(i*sizePair+sizeBytes), h[1])
	}
	in.put64(clock, uint64(now))
	bp, bn := fr.body(body)
	status, f := in.call(fnExplain, uint64(b.handle), uint64(list), uint64(len(headers)), uint64(bp), uint64(bn),
		uint64(clock), uint64(out), uint64(errPtr))
	if f.Failed() {
		return "", f
	}
	if status != 0 {
		return "", in.failure(status, errPtr)
	}
	s := in.pair(out)
	in.call(fnStringFree, uint64(out))
	return s, Failure{}
}

// tenantClaimKey is hookseal_tenant_claim_key.
func (in *instance) tenantClaimKey(scheme, tenant, key string) string {
	fr, f := in.frame(len(scheme) + len(tenant) + len(key) + sizeBytes + 2*slack)
	if f.Failed() {
		return ""
	}
	out := fr.slot(sizeBytes)
	sp, sn := fr.str(scheme)
	tp, tn := fr.str(tenant)
	kp, kn := fr.str(key)
	status, f := in.call(fnTenantClaimKey, uint64(sp), uint64(sn), uint64(tp), uint64(tn), uint64(kp), uint64(kn),
		uint64(out), 0)
	if f.Failed() || status != 0 {
		return ""
	}
	s := in.pair(out)
	in.call(fnStringFree, uint64(out))
	return s
}
