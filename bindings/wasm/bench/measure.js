// Timing without timed assertions: each contender runs in batches long enough to swamp
// the clock's and the dispatch's overhead; rounds interleave the contenders so that
// load from other processes hits them alike, and the fastest round is kept.

const ROUNDS = 9;
const BATCH_MS = 50;

/**
 * `{[size]: {[name]: microseconds per verification}}`. `run(name, size, n)` resolves to
 * the milliseconds n verifications took.
 */
export async function measure(names, sizes, run) {
  const result = {};
  for (const size of sizes) {
    const batch = {};
    for (const name of names) {
      let n = 1;
      while ((await run(name, size, n)) < BATCH_MS && n < 1e7) n *= 2;
      batch[name] = n;
    }
    const best = Object.fromEntries(names.map((name) => [name, Infinity]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) {
        const ms = await run(name, size, batch[name]);
        best[name] = Math.min(best[name], (ms * 1000) / batch[name]);
      }
    }
    result[size] = best;
  }
  return result;
}
