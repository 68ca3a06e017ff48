import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type CanonicalResponse, canonicalize, compareResponses, limitAnswerCaches, NoiseModel } from '@understudy/compare';
import { createComparePool } from '@understudy/replay';
import { chatBytePairs } from './chat-pairs.js';

// `node --conditions=source --import tsx bench/compare/pool-throughput.ts [--threads N] [--rounds N] [--seconds S]`
//
// Wall-clock pairs per second of bench:compare's ~2 KB chat pairs compared as a replay does —
// canonicalize both on the calling thread, compare — on the calling thread alone, then through
// replay's compare pool (`createComparePool`, default one thread per core) with pairs kept in
// flight, in alternating slices. Also pairs per CPU-second of the whole process (every thread
// counted), so the pool's overhead (copying pairs to the threads, judging on the caller) shows.
// --replay: a replay's call pattern instead (one item = the baseline's answer compared with the
// original, then the candidate's with the original and that baseline; through the pool both at once).
// --cold: no production answer kept read on any thread (`limitAnswerCaches({ answers: 0 })`); by
// default each thread keeps production's answers read (the 200 originals), each candidate read afresh.
// Run it through /work/bin/bench.

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: String(availableParallelism()) },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '2' },
    replay: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
  },
});
const threads = Number(values.threads);
const sliceMs = Number(values.seconds) * 1000;
const bytePairs = chatBytePairs();
const endpoint = 'POST /v1/chat/completions';
const noise = new NoiseModel();
for (const p of bytePairs.slice(0, 50)) noise.addBaseline(canonicalize(p.a), canonicalize(p.b), endpoint);
const answers = values.cold === true ? { answers: 0 } : {};
limitAnswerCaches(answers);
const pool = createComparePool({ threads, answers });

interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

function measure(pairs: number, c0: NodeJS.CpuUsage, t0: number): Rate {
  const c = process.cpuUsage(c0);
  return { wall: pairs / ((performance.now() - t0) / 1000), cpu: pairs / ((c.user + c.system) / 1e6) };
}

let k = 0;
/** The next item: its original, the candidate's answer and (replay pattern) the baseline's; canonicalized here. */
function next(): { original: CanonicalResponse; candidate: CanonicalResponse; baseline: CanonicalResponse | undefined } {
  const p = bytePairs[k % bytePairs.length] ?? bytePairs[0];
  // The replay's candidate: an answer no nearby item uses (as speed-vs.ts --replay).
  const q = bytePairs[(k++ + 100) % bytePairs.length] ?? bytePairs[0];
  if (p === undefined || q === undefined) throw new Error('no pairs');
  if (values.replay !== true) return { original: canonicalize(p.a), candidate: canonicalize(p.b), baseline: undefined };
  return { original: canonicalize(p.a), candidate: canonicalize(q.b), baseline: canonicalize(p.b) };
}

function inline(ms: number): Rate {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) {
    const { original, candidate, baseline } = next();
    if (baseline === undefined) compareResponses(candidate, original, { endpoint, noise });
    else {
      compareResponses(baseline, original, { endpoint, noise: null });
      compareResponses(candidate, original, { endpoint, noise, baselines: [baseline] });
    }
    n++;
  }
  return measure(n, c0, t0);
}

async function pooled(ms: number): Promise<Rate> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  // Pairs in flight per thread: enough that no thread waits for the next pair.
  const lane = async (): Promise<void> => {
    while (performance.now() - t0 < ms) {
      const { original, candidate, baseline } = next();
      if (baseline === undefined) await pool.compare(candidate, original, { endpoint, noise });
      else
        await Promise.all([
          pool.compare(baseline, original, { endpoint, noise: null }),
          pool.compare(candidate, original, { endpoint, noise, baselines: [baseline] }),
        ]);
      n++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, threads) * 4 }, lane));
  return measure(n, c0, t0);
}

inline(1000);
await pooled(1000);
const rates = { inline: [] as Rate[], pool: [] as Rate[] };
for (let r = 0; r < Number(values.rounds); r++) {
  rates.inline.push(inline(sliceMs));
  rates.pool.push(await pooled(sliceMs));
}
await pool.close();
const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
const show = (rs: readonly Rate[]): string =>
  `wall median ${median(rs.map((r) => r.wall)).toFixed(0)} pairs/s (best ${Math.max(...rs.map((r) => r.wall)).toFixed(0)}), ${median(rs.map((r) => r.cpu)).toFixed(0)} per CPU-second`;
const ratios = rates.pool.map((p, i) => p.wall / (rates.inline[i]?.wall ?? p.wall));
if (values.replay === true) console.log('replay pattern: one item = baseline vs original, then candidate vs original with that baseline');
console.log(
  values.cold === true
    ? 'cold: no production answer kept read'
    : "warm: production's answers kept read on each thread, each candidate read afresh",
);
console.log(`calling thread only: ${show(rates.inline)}`);
console.log(`compare pool, ${threads} thread(s): ${show(rates.pool)}`);
console.log(
  `wall ratio of adjacent slices: median ×${median(ratios).toFixed(2)}; ${Number(values.rounds)} rounds of ${values.seconds} s; cores ${availableParallelism()}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
