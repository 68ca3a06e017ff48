import { clip } from '../report/clip-text.js';
import { byBaseline } from '../report/difference-origin.js';
import { asserts } from './claims/claim-assertion.js';
import { isPreamble } from './claims/claim-framing.js';
import { type Aligned, align } from './clauses/clause-alignment.js';
import type { ClauseFacts } from './clauses/fact-sheet.js';
import { clausePath, type FactDiffContext } from './fact-diff-context.js';
import { restatesFree } from './polarity/price-pole.js';
import { codeSpelledOut } from './values/code-span.js';
import { someKeysMeet } from './values/converted-key.js';
import { type FactValue, isPlainNumber } from './values/fact-value.js';
import { gluedRestatement } from './values/glued-restatement.js';
import { excusesChange, saysRounded, spansBoth } from './values/rounded-value.js';
import { someClauseStates } from './values/some-clause-states.js';
import { valueChange } from './values/value-change.js';
import { sheetValues, ValueIndex } from './values/value-index.js';
import { clauseStates, countsSame, sameSlot } from './values/value-slots.js';

/**
 * The value differences of candidate clause `c` (the `k`-th; `aligned` its closest original clause
 * where `k` is within `maxClauses`), appended to `ctx.out`: a value no production answer states
 * (changed from the value it replaces, added to the aligned clause, or a new claim), and a value
 * production states elsewhere that changed in the aligned clause. Returns the novel values.
 */
export function diffClauseValues(ctx: FactDiffContext, c: ClauseFacts, k: number, aligned: Aligned | undefined): readonly FactValue[] {
  const { options: o, used, out, droppedValues, droppedSet } = ctx;
  const isAligned = aligned !== undefined && aligned.score >= o.alignClause;
  // A new name counts where it stands in for another (an aligned clause); elsewhere a capitalized
  // word is as likely a paraphrase's term as a claim, and the claim rule decides.
  // The day in a clause about the conversation ("anything else today?") is when it is said, not a figure.
  // A clause about the conversation that names a value production states ("See you on Saturday!")
  // says it again; it puts it in no claim of its own, so no other clause of production need state it.
  const novel = c.values.filter(
    (v) =>
      !v.weak &&
      !gluedRestatement(v, ctx.production) &&
      // Written plainly by production, in a clause that says what production's does: the same literal.
      !(isAligned && codeSpelledOut(v, ctx.production)) &&
      !(c.framing && v.keys[0]?.startsWith('relative:')) &&
      (!ctx.supported(v) ||
        (v.type !== 'entity' &&
          // A code literal production writes, said again in a clause that says what production's does
          // ("…every user of `chrono` gets `serde` too"), names the same thing, not a new fact.
          !(isAligned && v.keys[0]?.startsWith('code:')) &&
          k < o.maxClauses &&
          !c.framing &&
          !ctx.supportedHere(v, c, isAligned ? aligned.clause : undefined) &&
          !refersBack(ctx, c, v, o.maxClauses))) &&
      (isAligned || v.type !== 'entity' || droppedValues.some((p) => p.type === 'entity' && !used.has(p))),
  );
  for (const v of novel) {
    // What it replaces: a value of the same type the candidate no longer states, in the aligned clause first.
    const before =
      (isAligned ? aligned.clause.values : []).find((p) => !used.has(p) && sameSlot(p, v) && droppedSet.has(p)) ??
      replacedElsewhere(ctx, c, v);
    if (before !== undefined) {
      used.add(before);
      // Production varies there, or the candidate rounds the figure and says so.
      const excuse = byBaseline('variesIn', ctx.variesIn(before, v)) ?? (saysRounded(before, v) ? { test: 'saysRounded' } : undefined);
      out.push(valueChange(clausePath(c), before, v, 'clause-value-diff', excuse));
    } else if (restatesFree(v, c, aligned?.clause)) {
      // "$0" where production says "free": the pole in figures.
    } else if (isAligned || (c.values.length > 0 && !isPreamble(c))) {
      out.push({
        kind: isAligned ? 'fact_added' : 'added_claim',
        origin: { rule: 'clause-value-diff' },
        path: clausePath(c),
        key: `fact:${v.type}`,
        severity: 'high',
        message: isAligned
          ? `states ${v.text} (no production answer does)`
          : `adds "${clip(c.text)}" (${v.text} is in no production answer)`,
        candidate: v.text,
      });
    }
  }
  if (isAligned) diffAlignedValues(ctx, c, aligned.clause, novel);
  return novel;
}

/**
 * What `v` of candidate clause `c` replaces when its aligned clause states nothing of its slot: the
 * value of that slot the candidate no longer states whose original clause shares most content
 * words with `c` (the first on a tie). "…turn off auto-renew in Settings > Billing" replaces
 * "…turn off auto-renew in Settings > Subscription", not the greeter's name in the first line.
 */
function replacedElsewhere(ctx: FactDiffContext, c: ClauseFacts, v: FactValue): FactValue | undefined {
  let best: FactValue | undefined;
  let bestShared = -1;
  for (const p of ctx.droppedValues) {
    if (ctx.used.has(p) || !sameSlot(p, v)) continue;
    const holder = ctx.original.clauses.find((x) => x.values.includes(p));
    const shared = holder === undefined ? 0 : holder.contentUnique.filter((w) => c.contentUnique.includes(w)).length;
    if (shared > bestShared) {
      best = p;
      bestShared = shared;
    }
  }
  return best;
}

/**
 * A value the candidate states that production states too, but in another sentence: where the
 * aligned clause said another value of that slot, which the candidate no longer states, the
 * value changed there ("22 days of leave" → "21 days", with "21 days' notice" elsewhere). A
 * spelled-out count ("one checked bag" → "two checked bags") is compared here as well.
 */
function diffAlignedValues(ctx: FactDiffContext, c: ClauseFacts, alignedClause: ClauseFacts, novel: readonly FactValue[]): void {
  const { options: o, used, baselines, candIndex } = ctx;
  const origIndex = sheetValues(ctx.original);
  for (const v of c.values) {
    if (v.type === 'entity' || novel.includes(v) || (!v.weak && !ctx.supported(v)) || clauseStates(alignedClause, v)) continue;
    const before = alignedClause.values.find(
      (p) =>
        !used.has(p) &&
        p.type !== 'entity' &&
        sameSlot(p, v) &&
        (!(p.weak || v.weak) ? !candIndex.has(p) : countsSame(p, v) && !candIndex.hasKey(p)),
    );
    if (before === undefined) continue;
    used.add(before);
    // Production varies there when a baseline's clause for it states the candidate's value, or
    // another one than the original's (one that leaves the value out says nothing: "for a
    // single vehicle" against "one car" → "two cars").
    const beforeOnly = new ValueIndex([before]);
    const spanned = (): number => baselines.findIndex((b) => spansBoth(b.values, before, v));
    const other = (): number =>
      baselines.findIndex((b) => {
        const a = align(c, b, o.maxClauses);
        return (
          a !== undefined &&
          a.score >= o.alignClause &&
          // A clause stating both ("from 1 p.m. to 4 p.m. with … back by 11 a.m.") varies on neither.
          ((clauseStates(a.clause, v) && !a.clause.values.some((x) => someKeysMeet(x.keys, before.keys))) ||
            (!clauseStates(a.clause, before) &&
              a.clause.values.some(
                (x) =>
                  x.type !== 'entity' &&
                  sameSlot(x, before) &&
                  !beforeOnly.has(x) &&
                  // A figure the original states too ("12-month minimum term" beside "90 days' notice") is another fact, not this one said otherwise.
                  !origIndex.has(x) &&
                  excusesChange(x, before, v),
              )))
        );
      });
    const excuse = saysRounded(before, v)
      ? { test: 'saysRounded' }
      : (byBaseline('spansBoth', spanned()) ?? byBaseline('a close baseline clause states another value', other()));
    ctx.out.push(valueChange(clausePath(c), before, v, 'aligned-values', excuse));
  }
}

/**
 * Whether clause `c` names a plain number production states only to talk about it again: another
 * clause of the candidate states the number too (the one production's clause supports), `c` asserts
 * nothing of it and has it as a bare noun, no preposition before it — a courtesy or an evaluation
 * ("Good question - 429s can be confusing at first" beside "The 429 errors mean you've hit the rate
 * limit"). A price or a rate said again says what it buys ("Your $30 also gets you…"), and a number
 * after a preposition bounds a claim of its own ("committed until the end of week 24").
 */
function refersBack(ctx: FactDiffContext, c: ClauseFacts, v: FactValue, max: number): boolean {
  if (!isPlainNumber(v) || asserts(c)) return false;
  const at = c.tokens.findIndex((t) => t.lower.startsWith(v.text.toLowerCase().split(' ')[0] ?? ''));
  if (at < 0 || c.tokens.slice(Math.max(0, at - 2), at).some((t) => prepositions.has(t.lower))) return false;
  return someClauseStates(ctx.candidate, v, max, (d) => d !== c);
}

// Prepositions that make a number a bound, a time or a rate of the clause's claim.
const prepositions = new Set('until till by within before after for of from to per in at on under over between than'.split(' '));
