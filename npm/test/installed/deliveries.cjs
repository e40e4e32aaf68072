// The answers an API (hookseal, or hookseal/wasm) gives to a signed, a tampered and an
// unsigned delivery: the same in every engine. Shared by answers.mjs and answers.cjs.
const body = '{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}';

function answers(api) {
  const verifier = new api.Verifier('saleslab', { secrets: ['sl_secret'] });
  const headers = api.sign('saleslab', 'sl_secret', body, { timestamp: Math.floor(Date.now() / 1000) });
  const event = verifier.verify(body, headers);
  const code = (f) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof api.HooksealError ? e.code : String(e);
    }
  };
  return {
    kind: event.kind,
    id: event.idempotencyKey,
    tenant: event.tenant,
    detect: api.detect(headers),
    tampered: code(() => verifier.verify(body.replace('won', 'lost'), headers)),
    unsigned: code(() => verifier.verify(body, {})),
  };
}

module.exports = { answers };
