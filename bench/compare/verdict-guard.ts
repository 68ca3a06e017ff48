import { parseArgs } from 'node:util';
import type * as Compare from '@understudy/compare';
import { type Random, seededRandom } from '@understudy/core';
import { currentEngine, type Engine, engineAt } from './engine-at.js';
import { readFactSet } from './facts-set/files.js';
import { blindFile, holdoutFile, laterHoldoutFiles, readHoldoutSet } from './facts-set/holdout.js';
import type { SavedResponse } from './fixtures.js';
import { readQualitySet } from './quality-files.js';

// `node --conditions=source --import tsx bench/compare/verdict-guard.ts [--base REF] [--seed N] [--pairs N]`
//
// A speed change to the compare engine must not change what it says. This runs every labelled
// pair of data/quality/ (cases.jsonl, facts.jsonl and every hand-written hold-out set), each in five
// configurations (no noise, noise + display hunks, all baselines, one baseline, sides swapped), plus
// a seeded stress set (sentences of those answers mixed, mutated and decorated: numbers, negations,
// markup, lists, code, non-Latin scripts, 20 KB to 1.1 MB answers) through this worktree's
// packages/compare and through the one at REF (default: the merge-base with main), and reports
// every pair whose DivergenceReport differs in any field. No golden file: the reference is the code
// at REF, so it works while verdicts change on purpose elsewhere. Exit 0 when all reports are
// identical, 1 otherwise.

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    seed: { type: 'string', default: '11' },
    pairs: { type: 'string', default: '3000' },
    show: { type: 'string', default: '5' },
  },
});
const { engine: base, ref: baseRef, sha: baseSha } = await engineAt(values.base);
const current = await currentEngine();

interface Item {
  readonly id: string;
  readonly endpoint: string;
  readonly original: SavedResponse;
  readonly candidate: SavedResponse;
  readonly baselines: readonly SavedResponse[];
}

/** Every configuration the engine is run in for one item; the serialized reports. */
function reports(engine: Engine, item: Item, noise: Compare.NoiseModel): string[] {
  const canon = (r: SavedResponse) => engine.canonicalize({ status: r.status, headers: r.headers, body: r.body, path: r.path });
  const o = canon(item.original);
  const c = canon(item.candidate);
  const bs = item.baselines.map(canon);
  const out = [
    engine.compareResponses(c, o, { endpoint: item.endpoint, noise: null }),
    engine.compareResponses(c, o, { endpoint: item.endpoint, noise, textHunks: true }),
    engine.compareWithBaselines(c, o, bs, { endpoint: item.endpoint }).report,
    engine.compareWithBaselines(c, o, bs.slice(0, 1), { endpoint: item.endpoint, textHunks: true }).report,
    engine.compareResponses(o, c, { endpoint: item.endpoint, baselines: bs }),
  ];
  return out.map((r) => JSON.stringify(r));
}

// ---- the labelled sets -------------------------------------------------------------------------------
const { cases, baselines } = readQualitySet();
const facts = readFactSet();
const items: Item[] = [];
// Input baselines of the seed-42 set: the two answers of the same input (quality-eval's rule).
const byEndpoint = new Map<string, { a: SavedResponse; b: SavedResponse }[]>();
for (const b of baselines) byEndpoint.set(b.endpoint, [...(byEndpoint.get(b.endpoint) ?? []), b]);
for (const c of cases) {
  const i = Number(/-(\d+)-[a-z_]+$/.exec(c.id)?.[1] ?? -1);
  const pair = byEndpoint.get(c.endpoint)?.[i];
  items.push({
    id: c.id,
    endpoint: c.endpoint,
    original: c.original,
    candidate: c.candidate,
    baselines: pair === undefined ? [] : [pair.a, pair.b],
  });
}
for (const c of [...facts, ...readHoldoutSet(holdoutFile)])
  items.push({ id: c.id, endpoint: c.endpoint, original: c.original, candidate: c.candidate, baselines: c.baselines });
// The blind hold-out set is counted, never shown (its cases are not to be read while tuning).
const blindIds = new Set<string>();
for (const c of readHoldoutSet(blindFile)) {
  blindIds.add(c.id);
  items.push({ id: c.id, endpoint: c.endpoint, original: c.original, candidate: c.candidate, baselines: c.baselines });
}
const labelled = items.length;

// ---- the stress set ------------------------------------------------------------------------------------
const random = seededRandom(Number(values.seed));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r.next() * list.length)] as T;
const int = (r: Random, n: number): number => Math.floor(r.next() * n);
const sentences = [
  ...new Set(
    items
      .flatMap((i) => [i.original, i.candidate, ...i.baselines])
      .map((r) => current.canonicalize({ status: r.status, headers: r.headers, body: r.body, path: r.path }).text)
      .flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/))
      .filter((s) => s.trim().length > 3),
  ),
].sort();
const decorations = [
  'café au lait',
  'naïve résumé',
  '東京駅で会いましょう。',
  'Привет, это не так.',
  'Ελλάδα',
  '👍',
  'don’t',
  '“quoted”',
  '`npm run build`',
  '**Note:**',
  '# Refund Policy',
  '- ',
  '1. ',
  'a) ',
  '> ',
  ' | ',
  '; but you must pay',
  'If the parcel is late, you will not be charged',
  '$35',
  '€1,200.50',
  'USD 75',
  '3:00 p.m.',
  '14:30',
  '2026-01-02',
  '12/25/2026',
  'March 3rd',
  'the 5th of May',
  '5-7 business days',
  'thirty days',
  'a hundred and twenty dollars',
  'twenty-five percent',
  '15%',
  'ops@example.com',
  'https://example.com/a/b/',
  '+1 415 555 0100',
  '(020) 7946 0958',
  'BK-4821',
  '#123',
  'non-refundable',
  'unavailable',
  'No, you cannot',
  'no later than Friday',
  'You need to',
  'you are free to',
  'NASA and IBAN',
  'Mr. Smith',
  'e.g. this',
  '\t  ',
  '\u200b',
  '\r\n',
  '\n\n\n',
  'rock’n’roll',
  'O’Brien',
  '«guillemets»',
  'wait…',
  'ſo this works',
  'ſo that it',
  '東京。次は大阪！',
  'line\u2028separated',
  '\ufeffbom',
  'Émile Zola',
  'ÉCOLE NORMALE',
  '𝐀lpha',
  "'tis",
  "dogs'.",
  'Refund Policy:\u3000',
  '# Heading\u00a0',
  'Title Case Words Here',
  'may 5th',
  'USD 1,200',
  '7 p.m.',
  '3rd',
  '12pm',
  'KELVIN \u212a',
];
function mixed(r: Random): string {
  const n = 1 + int(r, 12);
  const joins = [' ', '\n', '\n\n', '\n- ', '\n1. ', '; ', ', but '];
  const join = pick(r, joins);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(r, sentences));
  return parts.join(join);
}
function mutate(r: Random, text: string): string {
  let t = text;
  const n = int(r, 5);
  for (let k = 0; k < n; k++) {
    const words = t.split(' ');
    const at = int(r, words.length);
    switch (int(r, 9)) {
      case 0:
        t = t.replace(/\d/, String(int(r, 10)));
        break;
      case 1:
        words.splice(at, 0, pick(r, ['not', 'never', "don't", 'must', 'can', 'may', 'no']));
        t = words.join(' ');
        break;
      case 2:
        t = t.replace(/\b(not|never|no|cannot|don't) /i, '');
        break;
      case 3:
        words.splice(at, 0, pick(r, decorations));
        t = words.join(' ');
        break;
      case 4:
        t = `${t} ${pick(r, sentences)}`;
        break;
      case 5:
        t = t.slice(0, Math.max(1, int(r, t.length)));
        break;
      case 6:
        t = words.reverse().join(' ');
        break;
      case 7:
        t = t.toUpperCase();
        break;
      default:
        words[at] = (words[at] ?? '').toLowerCase();
        t = words.join(' ');
    }
  }
  return t;
}
const chat = (text: string): SavedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  path: '/v1/chat/completions',
  body: JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], model: 'm' }),
});
const plain = (text: string): SavedResponse => ({ status: 200, headers: { 'content-type': 'text/plain' }, path: '/t', body: text });
const stressPairs = Number(values.pairs);
for (let i = 0; i < stressPairs; i++) {
  const original = mixed(random);
  const candidate = random.next() < 0.1 ? original : mutate(random, random.next() < 0.3 ? mixed(random) : original);
  const bs = Array.from({ length: int(random, 4) }, () => mutate(random, original));
  const wrap = random.next() < 0.5 ? chat : plain;
  items.push({
    id: `stress-${i}`,
    endpoint: wrap === chat ? 'POST /v1/chat/completions' : 'POST /t',
    original: wrap(original),
    candidate: wrap(candidate),
    baselines: bs.map(wrap),
  });
}
// Large answers: past maxClauses, the 64 KB fact cap and the LCS caps (line and bag methods).
for (const size of [20_000, 100_000, 300_000, 1_100_000]) {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const s = mixed(random);
    parts.push(s);
    n += s.length + 1;
  }
  const original = parts.join('\n');
  items.push({
    id: `large-${size}-edited`,
    endpoint: 'POST /t',
    original: plain(original),
    candidate: plain(mutate(random, original).replace(/ the /g, (m) => (random.next() < 0.05 ? ' a ' : m))),
    baselines: [plain(mutate(random, original))],
  });
  items.push({
    id: `large-${size}-other`,
    endpoint: 'POST /t',
    original: plain(original),
    candidate: plain(parts.reverse().join('\n')),
    baselines: [],
  });
}

// The later hand-written hold-out sets (2 to 10, which bench:facts scores), added after the stress
// set is drawn from the sets above (so it stays the same pairs) and, blind or not, never shown.
const stressed = items.length;
for (const file of laterHoldoutFiles)
  for (const c of readHoldoutSet(file)) {
    const id = `${file}#${c.id}`;
    blindIds.add(id);
    items.push({ id, endpoint: c.endpoint, original: c.original, candidate: c.candidate, baselines: c.baselines });
  }

// ---- compare ------------------------------------------------------------------------------------------
// One noise model per engine, each built by that engine from the same baseline pairs.
function noiseOf(engine: Engine): Compare.NoiseModel {
  const canon = (r: SavedResponse) => engine.canonicalize({ status: r.status, headers: r.headers, body: r.body, path: r.path });
  const noise = new engine.NoiseModel();
  for (const b of baselines) noise.addBaseline(canon(b.a), canon(b.b), b.endpoint);
  return noise;
}
const baseNoise = noiseOf(base);
const currentNoise = noiseOf(current);
if (JSON.stringify(baseNoise) !== JSON.stringify(currentNoise)) {
  console.log('DIFFERS: the noise models built from data/quality/baselines.jsonl');
  process.exitCode = 1;
}
let differing = 0;
const show = Number(values.show);
const t0 = performance.now();
for (const item of items) {
  const before = reports(base, item, baseNoise);
  const after = reports(current, item, currentNoise);
  for (let k = 0; k < before.length; k++) {
    if (before[k] === after[k]) continue;
    differing++;
    if (differing <= show && !blindIds.has(item.id)) {
      const a = before[k] ?? '';
      const b = after[k] ?? '';
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      console.log(
        `DIFFERS ${item.id} (configuration ${k}) at char ${at}:\n  base:    …${a.slice(Math.max(0, at - 80), at + 160)}\n  current: …${b.slice(Math.max(0, at - 80), at + 160)}`,
      );
    }
    break;
  }
}
console.log(
  `verdict guard vs ${baseRef} (${baseSha.slice(0, 9)}): ${items.length} pairs (${labelled} labelled, ${stressed - labelled} stress, seed ${values.seed}, ${items.length - stressed} of hold-outs 2-10, never shown) × 5 configurations, ${differing} differing, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
if (differing > 0) process.exitCode = 1;
