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

/** hookseal/wasm with and without simd128, side by side. */
function simdTable(simd, base) {
  const lines = [
    '| runtime | body | baseline | `simd128` | speed-up |',
    '|---|---|---:|---:|---:|',
  ];
  for (const runtime of ['node', 'workerd']) {
    for (const s of Object.keys(simd[runtime])) {
      const [b, v] = [base[runtime][s].hookseal, simd[runtime][s].hookseal];
      lines.push(`| ${runtime} | ${size(Number(s))} | ${us(b)} µs | ${us(v)} µs | ${(b / v).toFixed(2)}× |`);
    }
  }
  return lines.join('\n');
}

/**
 * The whole document for `results` ({machine, node, workerd}); with `baseline` (the
 * results of a build without simd128), the comparison that decided to ship simd128.
 */
export function markdown(results, baseline) {
  const { machine: m, node, workerd } = results;
  return `# Benchmark: hookseal/wasm in Node and in workerd

CPU time per verification of a genuine delivery (lower is better); a ratio is the other
implementation's time divided by hookseal's (higher is better for hookseal). Measured
${m.date} on ${m.nproc} CPUs (${m.cpu}), shared with other jobs; ${m.node}, ${m.workerd}
(through miniflare). Build: ${m.simd ? '`simd128`' : 'baseline (no `simd128`)'}, \`opt-level = "z"\` (\`sha2\` at \`3\`), \`wasm-opt -Oz\`;
the \`.wasm\` is ${m.wasm.raw} B raw, ${m.wasm.gzip} B gzipped (budget: 65536 B gzipped).

Reproduce: \`bash bindings/wasm/build.sh && node bindings/wasm/bench/run.mjs --doc docs/benchmarks/wasm.md\`
(\`bindings/wasm/bench/\`). Each contender runs in batches of at least 50 ms of CPU, nine
rounds interleaved with the others; the fastest round counts. CPU time, not wall time:
the machine is shared with other jobs, and waiting for a core is not slower code (Node:
\`process.cpuUsage()\`, every thread, WebCrypto's pool included; workerd: the sum of its
threads' \`/proc/<pid>/task/*/schedstat\`).

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

In workerd the time is measured from outside the worker (the CPU workerd spends on a
request that runs n verifications, minus an empty request), because a worker's clocks
stand still while it computes.

WebCrypto in workerd is native code (BoringSSL) behind a promise that workerd settles
without a thread hop, so on this CPU it out-runs any wasm SHA-256 (wasm has no SHA
instructions): at the edge, hookseal/wasm brings a synchronous \`verify\`, one
implementation of every scheme's rules and typed errors, not a faster HMAC. In Node,
\`crypto.subtle.verify\` pays a thread-pool round trip per call, and hookseal/wasm is
ahead up to a few KiB.
${baseline ? simdSection(results, baseline) : ''}`;
}

function simdSection(results, baseline) {
  return `
## \`simd128\` or not

The same benchmark, run just before with \`HOOKSEAL_WASM_SIMD=0 bash bindings/wasm/build.sh\`
(${baseline.machine.date}), against the shipped \`simd128\` build. sha2 0.11 has a wasm32
SIMD backend; it is faster in both runtimes, so the build keeps \`simd128\` (supported by
every engine that runs Workers, Deno and current Node).

${simdTable(results, baseline)}
`;
}
