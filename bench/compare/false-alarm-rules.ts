import { report } from './facts-set/evaluate.js';
import { readFactSet } from './facts-set/files.js';
import { firingRules } from './facts-set/firing-rules.js';
import type { FactCase } from './facts-set/generate.js';
import {
  holdout3File,
  holdout5File,
  holdout6File,
  holdout9File,
  readHoldoutSet,
  restatements2File,
  restatements5File,
  restatementsFile,
} from './facts-set/holdout.js';

// `npm run bench:false-alarms [-- --cases]`: which rule makes each text-noise false alarm, with no,
// one and all baselines, counted per set. Only the sets open to reading print cases (`--cases`);
// hold-out 5 prints its counts only. Hold-outs 2, 4, 7, 8, 10 and the blind set are never read here.

const line = (s = ''): void => console.log(s);

const open = process.argv.includes('--cases');
const sets: [string, FactCase[], boolean][] = [
  ['facts', readFactSet(), true],
  ['hold-out', readHoldoutSet(), true],
  ['hold-out 3', readHoldoutSet(holdout3File), true],
  ['hold-out 6', readHoldoutSet(holdout6File), true],
  ['hold-out 9', readHoldoutSet(holdout9File), true],
  ['restatements (own)', readHoldoutSet(restatementsFile), true],
  ['restatements 2 (own)', readHoldoutSet(restatements2File), true],
  ['restatements 5 (own)', readHoldoutSet(restatements5File), true],
  ['hold-out 5 (counts only)', readHoldoutSet(holdout5File), false],
];
for (const [name, cases, printable] of sets) {
  const noise = cases.filter((c) => c.label === 'noise' && c.kind !== 'tool_preamble');
  line(`### ${name}: ${noise.length} text-noise cases`);
  for (const k of [0, 1, 'all'] as const) {
    const eligible = noise.filter((c) => k === 'all' || c.baselines.length >= k);
    const byRule = new Map<string, number>();
    const byStyle = new Map<string, number>();
    let flagged = 0;
    for (const c of eligible) {
      const r = report(c, k);
      if (r.verdict !== 'regression') continue;
      flagged++;
      byStyle.set(c.kind, (byStyle.get(c.kind) ?? 0) + 1);
      const rules = firingRules(r);
      for (const rule of new Set(rules.map((x) => x.rule))) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      if (open && printable) {
        line(`  FA[${k}] ${c.id} (${c.kind}, ${c.baselines.length} baselines)`);
        for (const x of rules.slice(0, 4)) line(`      ${x.rule}: ${x.message}`);
      }
    }
    const fmt = (m: Map<string, number>) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([a, n]) => `${a} ${n}`)
        .join(', ');
    line(`baselines ${k}: ${flagged}/${eligible.length} false alarms; by rule: ${fmt(byRule) || '-'}; by style: ${fmt(byStyle) || '-'}`);
  }
  line();
}
