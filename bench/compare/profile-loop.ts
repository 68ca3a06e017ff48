import { parseArgs } from 'node:util';
import { canonicalize, compareResponses, compareWithBaselines, limitAnswerCaches, NoiseModel } from '@understudy/compare';
import { chatBytePairs } from './chat-pairs.js';

// `node --cpu-prof --conditions=source --import tsx bench/compare/profile-loop.ts [seconds] [--diff | --replay] [--cold]`:
// the end-to-end loop of bench:compare --throughput (canonicalize both from bytes + compare +
// verdict) for a fixed time, to be run under a profiler; prints pairs per CPU-second. --diff and
// --replay run speed-vs.ts's call patterns instead (a candidate against the original and one
// baseline); --cold keeps no production answer read.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    diff: { type: 'boolean', default: false },
    replay: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
  },
});
const seconds = Number(positionals[0] ?? '10');
if (values.cold === true) limitAnswerCaches({ answers: 0 });
const bytePairs = chatBytePairs();
const endpoint = 'POST /v1/chat/completions';
const noise = new NoiseModel();
for (const p of bytePairs.slice(0, 50)) noise.addBaseline(canonicalize(p.a), canonicalize(p.b), endpoint);
const c0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < seconds * 1000) {
  const p = bytePairs[n % bytePairs.length];
  // The candidate of --diff and --replay: an answer no nearby item uses (as speed-vs.ts).
  const q = bytePairs[(n++ + 100) % bytePairs.length];
  if (p === undefined || q === undefined) continue;
  if (values.diff === true) compareWithBaselines(canonicalize(q.b), canonicalize(p.a), [canonicalize(p.b)], { endpoint });
  else if (values.replay === true) {
    const original = canonicalize(p.a);
    const baseline = canonicalize(p.b);
    compareResponses(baseline, original, { endpoint, noise: null });
    compareResponses(canonicalize(q.b), original, { endpoint, noise, baselines: [baseline] });
  } else compareResponses(canonicalize(p.b), canonicalize(p.a), { endpoint, noise });
}
const c = process.cpuUsage(c0);
console.log(`${n} pairs, ${(n / ((c.user + c.system) / 1e6)).toFixed(0)} pairs per CPU-second`);
