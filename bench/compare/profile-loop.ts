import { canonicalize, compareResponses, NoiseModel } from '@understudy/compare';
import { chatBytePairs } from './chat-pairs.js';

// `node --cpu-prof --conditions=source --import tsx bench/compare/profile-loop.ts [seconds]`: the
// end-to-end loop of bench:compare --throughput (canonicalize both from bytes + compare + verdict)
// for a fixed time, to be run under a profiler; prints pairs per CPU-second.
const seconds = Number(process.argv[2] ?? '10');
const bytePairs = chatBytePairs();
const endpoint = 'POST /v1/chat/completions';
const noise = new NoiseModel();
for (const p of bytePairs.slice(0, 50)) noise.addBaseline(canonicalize(p.a), canonicalize(p.b), endpoint);
const c0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < seconds * 1000) {
  const p = bytePairs[n++ % bytePairs.length];
  if (p !== undefined) compareResponses(canonicalize(p.b), canonicalize(p.a), { endpoint, noise });
}
const c = process.cpuUsage(c0);
console.log(`${n} pairs, ${(n / ((c.user + c.system) / 1e6)).toFixed(0)} pairs per CPU-second`);
