import { basename, join } from 'node:path';
import type { DivergenceReport } from '@understudy/compare';
import { report } from './facts-set/evaluate.js';
import { readFactSet } from './facts-set/files.js';
import type { FactCase } from './facts-set/generate.js';
import { readHoldoutSet } from './facts-set/holdout.js';
import { qualityDir } from './quality-files.js';

// `node --conditions=source --import tsx bench/compare/excused-regressions.ts [--cases] [FILE…]`: on
// the open sets (or the files named), the regressions the engine catches with no baseline and misses
// with all of them, grouped by what happened with the baselines to each difference that decided the
// no-baseline verdict: excused (the rule and its excusing test, from each difference's `origin`),
// absent (the rule no longer reports it), or decided elsewhere (a text measure). `--cases` lists them.
// Never give it a blind set's file: it prints what it reads.

// The hand-written sets anyone may read case by case (the generated facts set is read first); the
// lead's hold-outs 10-14 and 17-19 are totals only (docs/benchmarks.md).
const openSets: readonly string[] = [
  'facts-holdout.jsonl',
  ...[3, 6, 9, 21].map((n) => `facts-holdout-${n}.jsonl`),
  'facts-restatements.jsonl',
  ...[2, 3, 4, 5].map((n) => `facts-restatements-${n}.jsonl`),
  ...['r', 's', 'u', 'v', 'x', 'y'].map((p) => `facts-probe-${p}.jsonl`),
].map((f) => join(qualityDir, f));

type Decided = { readonly kind: string; readonly path: string; readonly rule: string; readonly message: string };

/** The differences that made `r` a regression: those the judge did not mark as noise, high or critical. */
function deciding(r: DivergenceReport): Decided[] {
  return r.categories.flatMap((c) =>
    c.regression !== true
      ? []
      : c.differences
          .filter((d) => d.explainedByNoise !== true && (d.severity === 'high' || d.severity === 'critical'))
          .map((d): Decided => ({ kind: d.kind, path: d.path, rule: d.origin?.rule ?? c.name, message: d.message }))
          .concat(
            c.name === 'text' && c.reason !== undefined ? [{ kind: 'text', path: 'text', rule: 'text floor', message: c.reason }] : [],
          ),
  );
}

/** What the baselines did to one deciding difference: the group it is counted in. */
function fate(d: Decided, all: DivergenceReport): string {
  const same = all.categories.flatMap((c) => c.differences).filter((x) => x.kind === d.kind && x.path === d.path);
  const excused = same.find((x) => x.explainedByNoise === true);
  if (excused !== undefined) {
    const e = excused.origin?.excuse;
    return `${d.kind} by ${excused.origin?.rule ?? '?'}: excused by ${e === undefined ? 'the noise model' : e.test}`;
  }
  if (same.length > 0) return `${d.kind} by ${d.rule}: kept, not decisive`;
  return `${d.kind} by ${d.rule}: absent`;
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const listCases = args.includes('--cases');
const sets: [string, FactCase[]][] =
  files.length > 0
    ? files.map((f) => [basename(f), readHoldoutSet(f)])
    : [['facts.jsonl', readFactSet()], ...openSets.map((f): [string, FactCase[]] => [basename(f), readHoldoutSet(f)])];
const totals = new Map<string, number>();
for (const [name, cases] of sets) {
  const groups = new Map<string, number>();
  let n = 0;
  for (const c of cases) {
    if (c.label !== 'regression') continue;
    const none = report(c, 0);
    if (none.verdict !== 'regression') continue;
    const all = report(c, 'all');
    if (all.verdict === 'regression') continue;
    n++;
    const decided = deciding(none);
    const fates = [...new Set(decided.map((d) => fate(d, all)))];
    for (const f of fates) {
      groups.set(f, (groups.get(f) ?? 0) + 1);
      totals.set(f, (totals.get(f) ?? 0) + 1);
    }
    if (listCases) {
      console.log(`  ${name} ${c.id} (${c.kind})`);
      for (const d of decided) console.log(`      ${d.kind} [${d.rule}] ${d.message} -> ${fate(d, all)}`);
    }
  }
  console.log(`${name}: ${n} caught with no baseline, missed with all${n > 0 ? ':' : ''}`);
  for (const [f, k] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`    ${k}  ${f}`);
}
console.log('all sets:');
for (const [f, k] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`    ${k}  ${f}`);
