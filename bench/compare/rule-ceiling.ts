import { loadavg } from 'node:os';
import { addedParts } from '../../packages/compare/src/facts/claims/added-part.js';
import { diffClauseValues } from '../../packages/compare/src/facts/clause-value-diff.js';
import { align, opposedCounterpart } from '../../packages/compare/src/facts/clauses/clause-alignment.js';
import { conditionCounterpart } from '../../packages/compare/src/facts/clauses/condition-counterpart.js';
import { subjectCounterpart } from '../../packages/compare/src/facts/clauses/subject-counterpart.js';
import { copiedClause } from '../../packages/compare/src/facts/copied-clause.js';
import { factDifferences } from '../../packages/compare/src/facts/fact-diff.js';
import { factDiffContext } from '../../packages/compare/src/facts/fact-diff-context.js';
import { defaultFactDiffOptions } from '../../packages/compare/src/facts/fact-diff-options.js';
import { movedItem } from '../../packages/compare/src/facts/flips/moved-item.js';
import { diffPolarity, polarityRule } from '../../packages/compare/src/facts/flips/polarity-diff.js';
import { adviceWeakened, adviceWeakenedRule } from '../../packages/compare/src/facts/modality/advice-weakened.js';
import { rewordedHedges } from '../../packages/compare/src/facts/modality/reworded-hedge.js';
import { mayFire } from '../../packages/compare/src/facts/rule-precondition.js';
import { agentsMoved } from '../../packages/compare/src/facts/sentences/agents-moved.js';
import { deniedExtended, deniedExtendedRule } from '../../packages/compare/src/facts/sentences/denied-extended.js';
import { diffEditedSentences } from '../../packages/compare/src/facts/sentences/edited-sentence.js';
import { exchangedTerms } from '../../packages/compare/src/facts/sentences/exchanged-terms.js';
import { itemsMoved } from '../../packages/compare/src/facts/sentences/item-price-status.js';
import { listPastOnly, onlyListRule } from '../../packages/compare/src/facts/sentences/only-list.js';
import { stanceFlip } from '../../packages/compare/src/facts/sentences/sentence-stance.js';
import { swappedTerm } from '../../packages/compare/src/facts/values/swapped-term.js';
import { anchoredElsewhere } from '../../packages/compare/src/facts/values/value-slots.js';
import { chatSheetPairs, openSheetPairs, type SheetPair } from './sheet-pairs.js';

// `node --conditions=source --import tsx bench/compare/rule-ceiling.ts [--rounds N]`
//
// The ceiling of rule preconditions (throughput pass 16): each rule `diffFacts` asks of a clause
// pair or of a pair of answers, called alone on sheets already read and timed per call, with
// whether it found anything. A precondition can at best pass over the calls that find nothing (the
// "empty" columns); the share of diffFacts' time those calls cost is what preconditions can save.
// A rule that declares a precondition (rule-precondition.ts) is counted apart where it is false
// ("precondition false"): what diffFacts no longer asks. Run it through /work/bin/bench; shares hold
// at any load, microseconds scale with it.

const o = defaultFactDiffOptions;
const max = o.maxClauses;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5);
type Pair = SheetPair;
const chat: Pair[] = chatSheetPairs();
const labelled: Pair[] = openSheetPairs();

interface Tally {
  calls: number;
  empty: number;
  us: number;
  emptyUs: number;
}
const empty = (x: unknown): boolean => x === undefined || x === false || (Array.isArray(x) && x.length === 0);

function measure(name: string, pairs: readonly Pair[]): void {
  const tallies = new Map<string, Tally>();
  const timed = <T>(rule: string, f: () => T, may = true): T => {
    if (!may) rule = `${rule}, precondition false`;
    const t0 = performance.now();
    const r = f();
    const us = 1000 * (performance.now() - t0);
    const t = tallies.get(rule) ?? { calls: 0, empty: 0, us: 0, emptyUs: 0 };
    t.calls++;
    t.us += us;
    if (empty(r)) {
      t.empty++;
      t.emptyUs += us;
    }
    tallies.set(rule, t);
    return r;
  };
  let whole = 0;
  // A first round unmeasured: compiled code and filled memos, as in a long run.
  for (const [original, candidate, baselines] of pairs) factDifferences(original, candidate, baselines, {}, true);
  for (let r = 0; r < rounds; r++)
    for (const [original, candidate, baselines] of pairs) {
      const t0 = performance.now();
      factDifferences(original, candidate, baselines, {}, true);
      whole += 1000 * (performance.now() - t0);
      const ctx = factDiffContext(original, candidate, baselines, o);
      const production = ctx.production;
      const context = { original, candidate, baselines };
      candidate.clauses.forEach((c, k) => {
        if (k >= max) return;
        const aligned = align(c, original, max);
        if (copiedClause(ctx, c, k, aligned)) return;
        timed('clause values', () => {
          const n = ctx.out.length;
          diffClauseValues(ctx, c, k, aligned);
          return ctx.out.length > n;
        });
        const p = timed('condition counterpart (a look-up)', () => conditionCounterpart(c, k, candidate, original, o));
        const anchored = p !== undefined && anchoredElsewhere(c, p, [original], max);
        const pp = p !== undefined && !anchored ? p : undefined;
        timed(
          'polarity (diffPolarity)',
          () => diffPolarity(c, pp, context, o),
          pp === undefined || mayFire(polarityRule, pp, c, baselines.length),
        );
        if ((aligned?.score ?? 0) < o.alignClause)
          timed('polarity against the other-polarity / subject counterpart', () => {
            const q =
              opposedCounterpart(c, original, candidate, o.alignClause, max) ??
              subjectCounterpart(c, original, candidate, o.alignClause, max);
            return q !== undefined && q !== p ? diffPolarity(c, q, context, o) : undefined;
          });
        if (p !== undefined && !anchored) timed('swapped term', () => swappedTerm(p, c, candidate, production, baselines));
        timed('moved item', () => movedItem(c, original, candidate, baselines, max));
      });
      timed('sentences: edited', () => diffEditedSentences(original, candidate, baselines, max));
      timed('sentences: items moved', () => itemsMoved(original, candidate, baselines, max));
      timed('sentences: reworded hedges', () => rewordedHedges(original, candidate, baselines, max));
      const may = (rule: typeof polarityRule): boolean => mayFire(rule, original, candidate, baselines.length);
      timed('sentences: advice weakened', () => adviceWeakened(original, candidate, baselines, max), may(adviceWeakenedRule));
      timed('sentences: agents moved', () => agentsMoved(original, candidate, baselines, max));
      timed('sentences: denied extended', () => deniedExtended(original, candidate, baselines, o), may(deniedExtendedRule));
      timed('sentences: list past only', () => listPastOnly(original, candidate, baselines, o), may(onlyListRule));
      timed('sentences: added parts', () => addedParts(original, candidate, baselines, o));
      timed('sentences: stance flip', () => stanceFlip(original, candidate, baselines, o));
      timed('sentences: exchanged terms, every sentence pair', () => exchangedTerms(original, candidate, baselines, o, false));
      timed('sentences: exchanged terms, pairs sharing two placed words', () => exchangedTerms(original, candidate, baselines, o, true));
    }
  const n = pairs.length * rounds;
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
  console.log(`### ${name}: ${pairs.length} pairs × ${rounds}; diffFacts ${(whole / n).toFixed(0)} µs a pair (wall, on read sheets)`);
  console.log();
  console.log(
    '| rule (called alone) | calls a pair | found nothing | µs a pair | of diffFacts | µs a pair in calls that found nothing | of diffFacts |',
  );
  console.log('|---|---|---|---|---|---|---|');
  let sum = 0;
  let sumEmpty = 0;
  for (const [rule, t] of tallies) {
    sum += t.us;
    sumEmpty += t.emptyUs;
    console.log(
      `| ${rule} | ${(t.calls / n).toFixed(1)} | ${pct(t.empty, t.calls)} | ${(t.us / n).toFixed(1)} | ${pct(t.us, whole)} | ${(t.emptyUs / n).toFixed(1)} | ${pct(t.emptyUs, whole)} |`,
    );
  }
  console.log(
    `| all of the above | | | ${(sum / n).toFixed(1)} | ${pct(sum, whole)} | ${(sumEmpty / n).toFixed(1)} | ${pct(sumEmpty, whole)} |`,
  );
  console.log();
}
measure('chat pairs (bench:compare, no baselines)', chat);
measure('open labelled cases (with their baselines)', labelled);
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
