import { loadavg } from 'node:os';
import { align } from '../../packages/compare/src/facts/clauses/clause-alignment.js';
import type { FactSheet } from '../../packages/compare/src/facts/clauses/fact-sheet.js';
import { copiedClause } from '../../packages/compare/src/facts/copied-clause.js';
import { factDifferences } from '../../packages/compare/src/facts/fact-diff.js';
import { factDiffContext } from '../../packages/compare/src/facts/fact-diff-context.js';
import { defaultFactDiffOptions } from '../../packages/compare/src/facts/fact-diff-options.js';
import { chatSheetPairs, openSheetPairs, type SheetPair } from './sheet-pairs.js';

// `node --conditions=source --import tsx bench/compare/copied-clauses.ts [--rounds N]`
//
// How much of bench:compare's chat pairs the copied-clause skip (copied-clause.ts) reaches: clauses
// per pair, those passed over, sentences and answers the same as one of the original's; then
// diffFacts on the same sheets with and without the skip in alternating 150 ms slices (CPU time), so
// the saving is read without the rest of a comparison. The same for the open labelled text sets
// (restatements, probes, hold-outs 11 and 12: shadow pairs that copy more of the original), each
// candidate against its original and baselines. Run it through /work/bin/bench.

const max = defaultFactDiffOptions.maxClauses;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 20);
type Pair = SheetPair;
const chat: Pair[] = chatSheetPairs();
// Hold-out 13 was blind when this bench was written; it reads the sets it read then.
const labelled: Pair[] = openSheetPairs((f) => /^facts-(restatements(-\d+)?|probe-[a-z]+|holdout-1[12])\.jsonl$/.test(f));
const sentenceTexts = (s: FactSheet): string[] => {
  const m = new Map<number, string>();
  for (const c of s.clauses) m.set(c.sentence, `${m.get(c.sentence) ?? ''}\u0000${c.text}`);
  return [...m.values()];
};
function measure(name: string, pairs: readonly Pair[]): void {
  let clauses = 0;
  let copied = 0;
  let sentences = 0;
  let sameSentences = 0;
  let sameAnswers = 0;
  for (const [o, c, b] of pairs) {
    const ctx = factDiffContext(o, c, b, defaultFactDiffOptions);
    c.clauses.forEach((x, k) => {
      clauses++;
      if (copiedClause(ctx, x, k, align(x, o, max))) copied++;
    });
    const os = new Set(sentenceTexts(o));
    const cs = sentenceTexts(c);
    sentences += cs.length;
    sameSentences += cs.filter((s) => os.has(s)).length;
    if (cs.length === os.size && cs.every((s) => os.has(s))) sameAnswers++;
  }
  const n = pairs.length;
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
  console.log(
    `${name} ${n}: candidate clauses ${(clauses / n).toFixed(1)} a pair, passed over as copies ${(copied / n).toFixed(1)} (${pct(copied, clauses)}); ` +
      `sentences ${(sentences / n).toFixed(1)}, the same as an original sentence ${(sameSentences / n).toFixed(1)} (${pct(sameSentences, sentences)}); ` +
      `answers the same sentence for sentence ${sameAnswers}`,
  );

  function slice(skip: boolean, ms: number): number {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let k = 0;
    while (performance.now() - t0 < ms) {
      const [o, c, b] = pairs[k++ % n] as Pair;
      factDifferences(o, c, b, {}, skip);
    }
    const c1 = process.cpuUsage(c0);
    return (1e6 * k) / (c1.user + c1.system);
  }
  const ratios: number[] = [];
  const rate = { skip: [] as number[], read: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const a = slice(first, 150);
    const b = slice(!first, 150);
    const skip = first ? a : b;
    const read = first ? b : a;
    rate.skip.push(skip);
    rate.read.push(read);
    ratios.push(skip / read);
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))] as number;
  console.log(
    `diffFacts alone (sheets read): reading every clause ${q(rate.read, 0.5).toFixed(0)}, copies passed over ${q(rate.skip, 0.5).toFixed(0)} pairs per CPU-second; ` +
      `ratio median ×${q(ratios, 0.5).toFixed(3)}, quartiles ×${q(ratios, 0.25).toFixed(3)}–×${q(ratios, 0.75).toFixed(3)}; load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}`,
  );
}
measure('chat pairs', chat);
measure('open labelled cases', labelled);
