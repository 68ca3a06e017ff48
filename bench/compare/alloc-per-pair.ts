import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { canonicalize, compareWithBaselines } from '@understudy/compare';
import { chatBytePairs } from './chat-pairs.js';

// `node --conditions=source --import tsx bench/compare/alloc-per-pair.ts [--pairs N] [--out FILE.heapprofile]`
//
// Bytes the compare engine allocates per pair, garbage included, on speed-vs.ts --diff's pattern
// (`diff` with one baseline on bench:compare's chat pairs): the inspector's sampling heap profiler
// with collected objects kept, after as many pairs to warm up. Unlike a CPU rate it does not move
// with the machine's load, so a change to the engine's garbage reads exactly on a busy machine.
// Prints the total and the functions that allocate most (self); --out keeps the profile.

interface HeapNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly HeapNode[];
}

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '400' }, out: { type: 'string' } } });
const pairs = Number(values.pairs);
const bytePairs = chatBytePairs();
const endpoint = 'POST /v1/chat/completions';
const run = (): void => {
  for (let n = 0; n < pairs; n++) {
    const p = bytePairs[n % bytePairs.length];
    const q = bytePairs[(n + 100) % bytePairs.length];
    if (p !== undefined && q !== undefined) compareWithBaselines(canonicalize(q.b), canonicalize(p.a), [canonicalize(p.b)], { endpoint });
  }
};
run();
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
run();
const { profile } = await session.post('HeapProfiler.stopSampling');
if (values.out !== undefined) writeFileSync(values.out, JSON.stringify(profile));
const bySite = new Map<string, number>();
let total = 0;
const walk = (n: HeapNode): void => {
  total += n.selfSize;
  const site = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}`.trim();
  bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
  for (const c of n.children) walk(c);
};
walk(profile.head as unknown as HeapNode);
const kb = (bytes: number): string => (bytes / pairs / 1024).toFixed(1);
console.log(`${kb(total)} KB allocated per pair (${pairs} pairs, garbage included)`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${kb(bytes).padStart(7)} KB  ${site}`);
