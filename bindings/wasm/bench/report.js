// The benchmark's results as the Markdown of docs/benchmarks/wasm.md.

const us = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (other, ours) => `**${(other / ours).toFixed(1)}×**`;
const size = (s) => (s >= 1024 ? `${s / 1024} KiB` : `${s} B`);

function table(rows) {
  const lines = [
    '| body | hookseal/wasm | @noble/hashes | WebCrypto | vs noble | vs WebCrypto | hookseal/wasm (Standard Webhooks) | standardwebhooks | vs standardwebhooks |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [s, r] of Object.entries(rows)) {
    lines.push(
      `| ${size(Number(s))} | ${us(r.hookseal)} µs | ${us(r.noble)} µs | ${us(r.webcrypto)} µs | ` +
        `${ratio(r.noble, r.hookseal)} | ${ratio(r.webcrypto, r.hookseal)} | ` +
        `${us(r['hookseal-sw'])} µs | ${us(r.standardwebhooks)} µs | ${ratio(r.standardwebhooks, r['hookseal-sw'])} |`,
    );
  }
  return lines.join('\n');
}

/** The whole document for `results` ({machine, node, workerd}). */
export function markdown({ machine: m, node, workerd }) {
  return `# Benchmark: hookseal/wasm in Node and in workerd

Time per verification of a genuine delivery (lower is better); a ratio is the other
implementation's time divided by hookseal's (higher is better for hookseal). Measured
${m.date} on ${m.nproc} CPUs (${m.cpu}), shared with other jobs; ${m.node}, ${m.workerd}
(through miniflare). Build: ${m.simd ? '`simd128`' : 'baseline (no `simd128`)'}, \`opt-level = "s"\`, \`wasm-opt -Oz\`.

Reproduce: \`bash bindings/wasm/build.sh && node bindings/wasm/bench/run.mjs --doc docs/benchmarks/wasm.md\`
(\`bindings/wasm/bench/\`). Each contender runs in batches of at least 50 ms, nine rounds
interleaved with the others; the fastest round counts.

- **hookseal/wasm**: \`new Verifier('saleslab', {secrets}).verify(body, headers, {now})\`,
  the public API over the wasm engine (HMAC-SHA256, hex, constant-time compare), synchronous.
- **@noble/hashes**: \`hmac(sha256, key, body)\`, hex-encoded and compared in constant time:
  what pure-JS edge code does.
- **WebCrypto**: \`await crypto.subtle.verify('HMAC', key, signature, body)\` with the key
  imported once: what edge code does natively. Async only.
- **standardwebhooks**: \`new Webhook(secret).verify(body, headers, {jsonParse: false})\`,
  against hookseal/wasm verifying the same Standard Webhooks delivery.

## Node

${table(node)}

## workerd (Cloudflare Workers)

${table(workerd)}

In workerd the time is measured from outside the worker (a request that runs n
verifications, minus an empty request), because a worker's clocks stand still while
it computes.
`;
}
