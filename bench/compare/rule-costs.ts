import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { canonicalize, compareResponses, compareWithBaselines, NoiseModel } from '@understudy/compare';
import { chatBytePairs } from './chat-pairs.js';
import { readFactSet } from './facts-set/files.js';
import { holdout2File, holdout3File, holdout4File, holdout5File, holdout6File, readHoldoutSet } from './facts-set/holdout.js';
import type { SavedResponse } from './fixtures.js';
import { type CostRow, type CpuProfile, type ProfileCosts, profileCosts } from './profile-costs.js';

// `npm run bench:rule-costs [-- --seconds S] [-- --from FILE.cpuprofile]`
//
// What each rule and stage of the compare engine costs, in microseconds of the main thread per
// pair, from a CPU profile taken in this process (the inspector's sampling profiler, 100 µs) over
// two workloads: bench:compare's ~2 KB chat pairs end to end (canonicalize both from bytes +
// compare + verdict, the throughput target's pairs), and the open labelled sets of data/quality/
// as `understudy diff` runs them (each baseline compared with the original for the noise
// estimate, then the candidate with all baselines). Rules are modules named after their export,
// so the table is by source file: inclusive (any frame of the sample's stack in that file) and
// self. --from FILE aggregates a profile written by `node --cpu-prof` (e.g. of profile-loop.ts)
// the same way: the cross-check that the in-process sampler does not skew the shares.
// Shares hold at any load; the µs figures scale with it: run it through /work/bin/bench.

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    from: { type: 'string' },
    top: { type: 'string', default: '25' },
  },
});
const line = (s = ''): void => console.log(s);

// The stages, by the function that enters them (inclusive time of that function).
const stageEntries: readonly [string, string][] = [
  ['canonicalize (bytes → canonical text)', 'canonicalize canonicalize.ts'],
  ['text category (similarity, language, cut answer)', 'textCategory text-category.ts'],
  ['reading an answer (fact sheet: clauses, values, names, polarity, content words)', 'factSheetWith fact-sheet.ts'],
  ['  of which splitting clauses and their tokens', 'splitClauses split-clauses.ts'],
  ['  of which value extraction', 'extractValues extract-values.ts'],
  ['  of which clause polarity', 'clausePolarity clause-polarity.ts'],
  ['  of which names', 'entities fact-sheet.ts'],
  ['diffFacts (aligning clauses, the fact rules)', 'diffFacts fact-diff.ts'],
  ['  of which one-to-one clause matching', 'matchClauses clause-alignment.ts'],
  ['  of which polarity comparison (flip, modality)', 'diffPolarity polarity-diff.ts'],
  ['  of which name support', 'entitySupported entity-support.ts'],
  ['  of which swapped terms', 'swappedTerm swapped-term.ts'],
  ['  of which framing / courtesy test', 'isFraming claim-framing.ts'],
  ['noise estimator (baselines compared with the original)', 'addBaseline noise-model.ts'],
  ['verdict (judge against the noise)', 'judge judge.ts'],
  ['GC (main thread)', '(garbage collector) -'],
];

function table(costs: ProfileCosts, pairs: number, rows: readonly CostRow[], label: (r: CostRow) => string): string[] {
  const us = (x: number): string => (x / pairs).toFixed(1);
  const pct = (x: number): string => ((100 * x) / costs.busy).toFixed(1);
  return rows.map((r) => `| ${label(r)} | ${us(r.inclusive)} | ${pct(r.inclusive)} % | ${us(r.self)} | ${pct(r.self)} % |`);
}

function print(name: string, costs: ProfileCosts, pairs: number): void {
  const top = Number(values.top);
  const find = (key: string): CostRow => costs.functions.find((f) => f.name === key) ?? { name: key, inclusive: 0, self: 0 };
  line(`### ${name}: ${pairs} pairs, ${(costs.busy / pairs).toFixed(0)} µs of the main thread per pair (sampled)`);
  line();
  line('| stage (entered by) | µs/pair inclusive | share | µs/pair self | share |');
  line('|---|---|---|---|---|');
  for (const l of table(
    costs,
    pairs,
    stageEntries.map(([, key]) => find(key)),
    (r) => `${stageEntries.find(([, k]) => k === r.name)?.[0]} (\`${r.name}\`)`,
  ))
    line(l);
  line();
  line('| source file (rule or stage) | µs/pair inclusive | share | µs/pair self | share |');
  line('|---|---|---|---|---|');
  // "other" holds the bench's own loop, so its inclusive time is everything: its self time only.
  const other = costs.files.find((f) => f.name.startsWith('other'));
  for (const l of table(costs, pairs, costs.files.filter((f) => f !== other).slice(0, top * 2), (r) => r.name)) line(l);
  if (other !== undefined)
    line(`| ${other.name}, self only | | | ${(other.self / pairs).toFixed(1)} | ${((100 * other.self) / costs.busy).toFixed(1)} % |`);
  line();
  line(`| function, top ${top} by self time | µs/pair inclusive | share | µs/pair self | share |`);
  line('|---|---|---|---|---|');
  for (const l of table(costs, pairs, [...costs.functions].sort((x, y) => y.self - x.self).slice(0, top), (r) => `\`${r.name}\``)) line(l);
  line();
}

if (values.from !== undefined) {
  const profile = JSON.parse(readFileSync(values.from, 'utf8')) as CpuProfile;
  // A profile of profile-loop.ts prints its pair count; without it, shares are the figures.
  const pairs = Number(process.env.PAIRS ?? '1');
  print(`${values.from}${pairs === 1 ? ' (µs are per profile, not per pair: set PAIRS=N)' : ''}`, profileCosts(profile), pairs);
  process.exit(0);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });

/** Runs `step` (one pair per call) for the given time under the profiler; the costs and the pair count. */
async function profiled(seconds: number, step: (i: number) => void): Promise<{ costs: ProfileCosts; pairs: number }> {
  // Warm (compiled code, filled memos) before sampling.
  const w0 = performance.now();
  for (let i = 0; performance.now() - w0 < 1000; i++) step(i);
  await session.post('Profiler.start');
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) step(n++);
  const { profile } = await session.post('Profiler.stop');
  return { costs: profileCosts(profile as unknown as CpuProfile), pairs: n };
}

const seconds = Number(values.seconds);
const endpoint = 'POST /v1/chat/completions';
const bytePairs = chatBytePairs();
const noise = new NoiseModel();
for (const p of bytePairs.slice(0, 50)) noise.addBaseline(canonicalize(p.a), canonicalize(p.b), endpoint);
const chat = await profiled(seconds, (i) => {
  const p = bytePairs[i % bytePairs.length];
  if (p !== undefined) compareResponses(canonicalize(p.b), canonicalize(p.a), { endpoint, noise });
});

// The open labelled sets only (the blind ones are scored elsewhere, as totals).
const cases = [
  ...readFactSet(),
  ...readHoldoutSet(),
  ...[holdout2File, holdout3File, holdout4File, holdout5File, holdout6File].flatMap((f) => readHoldoutSet(f)),
];
const encoder = new TextEncoder();
const bytes = (r: SavedResponse) => ({ status: r.status, headers: r.headers, path: r.path, body: encoder.encode(r.body) });
const quality = cases.map((c) => ({
  endpoint: c.endpoint,
  original: bytes(c.original),
  candidate: bytes(c.candidate),
  baselines: c.baselines.map(bytes),
}));
const labelled = await profiled(seconds, (i) => {
  const c = quality[i % quality.length];
  if (c !== undefined)
    compareWithBaselines(canonicalize(c.candidate), canonicalize(c.original), c.baselines.map(canonicalize), { endpoint: c.endpoint });
});
session.disconnect();

print("bench:compare's ~2 KB chat pairs, end to end", chat.costs, chat.pairs);
const withBaselines = quality.reduce((n, c) => n + c.baselines.length, 0);
print(
  `the open labelled sets (${quality.length} cases, ${(withBaselines / quality.length).toFixed(2)} baselines each on average), as \`understudy diff\` with all baselines`,
  labelled.costs,
  labelled.pairs,
);
line(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
