import { engineDetector, exactDiff, perKindTable, report, type SetScore, scoreSet } from './facts-set/evaluate.js';
import { readFactSet } from './facts-set/files.js';
import type { FactCase } from './facts-set/generate.js';
import { blindFile, holdout2File, holdout3File, holdout4File, holdout5File, holdout7File, readHoldoutSet } from './facts-set/holdout.js';

// `npm run bench:facts`: quality only (no throughput), on the generated facts set and the
// hand-written hold-out set, per kind, for the engine with all / one / no baseline and an
// exact diff. `--misses` lists the hold-out cases the engine gets wrong, with its reasons.

const line = (s = ''): void => console.log(s);

function columns(cases: readonly FactCase[]): [string, SetScore][] {
  return [
    ['engine, all baselines', scoreSet(cases, engineDetector('all'))],
    ['engine, one baseline', scoreSet(cases, engineDetector(1))],
    ['engine, no baseline', scoreSet(cases, engineDetector(0))],
    ['exact diff of content', scoreSet(cases, exactDiff)],
  ];
}

for (const [name, cases] of [
  ['facts set (data/quality/facts.jsonl)', readFactSet()],
  ['hold-out set (data/quality/facts-holdout.jsonl)', readHoldoutSet()],
  ['blind hold-out set (data/quality/facts-holdout-blind.jsonl; totals only)', readHoldoutSet(blindFile)],
  ['second hand-written hold-out set (data/quality/facts-holdout-2.jsonl; totals only)', readHoldoutSet(holdout2File)],
  ['third hand-written hold-out set (data/quality/facts-holdout-3.jsonl)', readHoldoutSet(holdout3File)],
  ['fourth hand-written hold-out set (data/quality/facts-holdout-4.jsonl; totals only)', readHoldoutSet(holdout4File)],
  ['fifth hand-written hold-out set (data/quality/facts-holdout-5.jsonl; totals only)', readHoldoutSet(holdout5File)],
  ['seventh hand-written hold-out set (data/quality/facts-holdout-7.jsonl; totals only)', readHoldoutSet(holdout7File)],
] as const) {
  line(`### ${name}: ${cases.length} pairs`);
  line();
  for (const l of perKindTable(columns(cases))) line(l);
  line();
  // Text noise (every style but tool preambles) by the number of baselines the engine is given.
  const textNoise = cases.filter((c) => c.label === 'noise' && c.kind !== 'tool_preamble');
  const rows = [0, 1, 2, 3].map((k) => {
    const eligible = textNoise.filter((c) => c.baselines.length >= k);
    const flagged = eligible.filter(engineDetector(k)).length;
    return `${k}: ${flagged}/${eligible.length}`;
  });
  line(`text-noise false alarms by baselines given: ${rows.join(', ')}`);
  line();
}

if (process.argv.includes('--misses')) {
  const which = process.argv.includes('--facts')
    ? readFactSet()
    : process.argv.includes('--holdout-3')
      ? readHoldoutSet(holdout3File)
      : readHoldoutSet();
  for (const c of which) {
    const r = report(c, 'all');
    const flagged = r.verdict === 'regression';
    if (flagged === (c.label === 'regression')) continue;
    const reasons = r.categories
      .flatMap((k) => k.differences.map((d) => `${d.kind}${d.explainedByNoise ? '(noise)' : ''}: ${d.message}`))
      .slice(0, 6);
    line(`MISS ${c.id} (${c.label}/${c.kind}) verdict=${r.verdict}`);
    for (const x of reasons) line(`    ${x}`);
  }
}
