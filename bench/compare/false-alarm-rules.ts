import { join } from 'node:path';
import { report } from './facts-set/evaluate.js';
import { readFactSet } from './facts-set/files.js';
import { firingRules } from './facts-set/firing-rules.js';
import type { FactCase } from './facts-set/generate.js';
import { readHoldoutSet } from './facts-set/holdout.js';
import { qualityDir } from './quality-files.js';

// `npm run bench:false-alarms [-- --cases] [-- --open]`: which rule (the module that found the
// difference, or the text floor) makes each text-noise false alarm, with no, one and all baselines,
// per set and summed over every set. Only the sets open to reading print cases (`--cases`); the
// totals-only sets (blind, 2, 4, 5, 7, 8, 10-14, 17-19) give their counts per rule, never a case.
// `--open` scores the open sets alone (a quick loop while writing a rule).

const line = (s = ''): void => console.log(s);

const printCases = process.argv.includes('--cases');
const openOnly = process.argv.includes('--open');
// Each set by its file in data/quality/ (the generated facts set aside), and whether its cases may be read.
const openSets = [
  'holdout',
  'holdout-3',
  'holdout-6',
  'holdout-9',
  'holdout-21',
  ...['', '-2', '-3', '-4', '-5'].map((n) => `restatements${n}`),
];
const totalsOnly = ['holdout-blind', ...[2, 4, 5, 7, 8, 10, 11, 12, 13, 14, 17, 18, 19].map((n) => `holdout-${n}`)];
const reader = (name: string) => (): FactCase[] => readHoldoutSet(join(qualityDir, `facts-${name}.jsonl`));
const sets: [string, () => FactCase[], boolean][] = [
  ['facts', readFactSet, true],
  ...openSets.map((n): [string, () => FactCase[], boolean] => [n, reader(n), true]),
  ...totalsOnly.map((n): [string, () => FactCase[], boolean] => [`${n} (totals only)`, reader(n), false]),
];

const fmt = (m: Map<string, number>): string =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
const add = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1);
};

const totals = new Map<string, { byRule: Map<string, number>; flagged: number; eligible: number }>();
for (const [name, read, open] of sets) {
  if (openOnly && !open) continue;
  const noise = read().filter((c) => c.label === 'noise' && c.kind !== 'tool_preamble');
  line(`### ${name}: ${noise.length} text-noise cases`);
  for (const k of [0, 1, 'all'] as const) {
    const eligible = noise.filter((c) => k === 'all' || c.baselines.length >= k);
    const byRule = new Map<string, number>();
    const byStyle = new Map<string, number>();
    const total = totals.get(String(k)) ?? { byRule: new Map<string, number>(), flagged: 0, eligible: 0 };
    totals.set(String(k), total);
    total.eligible += eligible.length;
    let flagged = 0;
    for (const c of eligible) {
      const r = report(c, k);
      if (r.verdict !== 'regression') continue;
      flagged++;
      add(byStyle, c.kind);
      const rules = firingRules(r);
      for (const rule of new Set(rules.map((x) => x.rule))) {
        add(byRule, rule);
        add(total.byRule, rule);
      }
      if (printCases && open) {
        line(`  FA[${k}] ${c.id} (${c.kind}, ${c.baselines.length} baselines)`);
        for (const x of rules.slice(0, 4)) line(`      ${x.rule}: ${x.message}`);
      }
    }
    total.flagged += flagged;
    line(`baselines ${k}: ${flagged}/${eligible.length} false alarms; by rule: ${fmt(byRule) || '-'}; by style: ${fmt(byStyle) || '-'}`);
  }
  line();
}
line(`### every set${openOnly ? ' (open sets only)' : ''}: a false alarm counts once per rule that fired on it`);
for (const [k, t] of totals) line(`baselines ${k}: ${t.flagged}/${t.eligible} false alarms; by rule: ${fmt(t.byRule) || '-'}`);
