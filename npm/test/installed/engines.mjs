// The cost of each engine from the installed package: microseconds per `verify` of a
// signed 1 KiB delivery, native (`hookseal` with its platform package) and wasm
// (`hookseal/wasm`). Printed, not asserted: a measurement, not a test.
import * as native from 'hookseal';
import * as wasm from 'hookseal/wasm';

const body = JSON.stringify({ event_kind: 'deal.won', delivery_id: 'd_1', pad: 'x'.repeat(970) });
const perCall = (api) => {
  const verifier = new api.Verifier('saleslab', { secrets: ['sl_secret'] });
  const headers = api.sign('saleslab', 'sl_secret', body);
  for (let i = 0; i < 20_000; i++) verifier.verify(body, headers); // warm-up
  const n = 100_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) verifier.verify(body, headers);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
};
const us = { native: perCall(native), wasm: perCall(wasm) };
console.log(JSON.stringify({ engine: native.engine, bytes: body.length, us_per_verify: us, wasm_over_native: us.wasm / us.native }));
