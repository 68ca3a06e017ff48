import { clip } from '../report/clip-text.js';
import { alsoAdds } from './claims/also-adds.js';
import { asserts } from './claims/claim-assertion.js';
import { claimSize } from './claims/claim-size.js';
import { drawsConsequence } from './claims/consequence-clause.js';
import { grantsNewAction } from './claims/granted-action.js';
import { knownWords, saidInOneSentence } from './claims/known-words.js';
import { namesNewThings, onlyChanged } from './claims/lone-addition.js';
import { baselineStating, statesClaim } from './claims/states-claim.js';
import { type Aligned, align, opposedCounterpart } from './clauses/clause-alignment.js';
import { conditionCounterpart, followsCondition } from './clauses/condition-counterpart.js';
import type { ClauseFacts, FactSheet } from './clauses/fact-sheet.js';
import { isLeadIn } from './clauses/lead-in.js';
import { subjectCounterpart } from './clauses/subject-counterpart.js';
import { readsCopies } from './copied-clause.js';
import { clausePath, type FactDiffContext } from './fact-diff-context.js';
import { movedItem } from './flips/moved-item.js';
import { diffPolarity, polarityRule } from './flips/polarity-diff.js';
import { mayFire } from './rule-precondition.js';
import { entitySupported } from './values/entity-support.js';
import type { FactValue } from './values/fact-value.js';
import { swappedTerm } from './values/swapped-term.js';
import { anchoredElsewhere } from './values/value-slots.js';

// A clause copied word for word from the original clause it aligns with is passed over before these
// rules (copied-clause.ts). Each rule here compares the clause with that twin, or reads no more than
// it when they are the same clause (a moved item needs a score below 1, an added claim words
// production does not say, a swapped term or a flip a counterpart that differs) — except where a
// rule compares it with another clause: declare that here, with a test of the case.
// The clause's condition makes the counterpart another clause ("If you visit for a day, you need a
// permit" against "You don't need a permit on a day visit").
readsCopies('condition counterpart', (ctx, c, k) => followsCondition(c, k, ctx.candidate) !== undefined);

/**
 * The claim differences of candidate clause `c` (the `k`-th, within `maxClauses`; `aligned` its
 * closest original clause, `novel` its values no production answer states), appended to `ctx.out`:
 * a polarity or modality change against its counterpart, a swapped term, an item moved across a
 * negation, or a claim no production answer supports (`standsIn`: whether it is a sentence of the
 * original said in words of its own, see stand-in-clause.ts).
 */
export function diffClauseClaims(
  ctx: FactDiffContext,
  c: ClauseFacts,
  k: number,
  aligned: Aligned | undefined,
  novel: readonly FactValue[],
  standsIn: (c: ClauseFacts, namesSupported: boolean) => boolean,
): void {
  const { options: o, original, candidate, baselines, production, matched, out } = ctx;
  const p = conditionCounterpart(c, k, candidate, original, o);
  // A value anchors a clause: where the candidate's clause states a value the counterpart does
  // not and another clause of the original does, the counterpart is the wrong sentence.
  const anchored = p !== undefined && anchoredElsewhere(c, p, [original], o.maxClauses);
  const context = { original, candidate, baselines };
  // A consequence drawn for the reader from a claim production makes ("…, so you don't need to order
  // those") is judged by that claim, not against whichever clause its words come closest to.
  const consequence = drawsConsequence(c, k, candidate, production, matched, o);
  // Against a counterpart, asked only where its precondition holds (rule-precondition.ts): most
  // reworded pairs hold the same polarity and modality.
  const against = p !== undefined && !anchored ? p : undefined;
  let flip =
    consequence || (against !== undefined && !mayFire(polarityRule, against, c, baselines.length))
      ? undefined
      : diffPolarity(c, against, context, o);
  // Where no clause says it closely, the closest wording may be another sentence ("…right away" /
  // "call … right away"): the clause of the other polarity about the same thing is compared too,
  // for a flip only.
  if (flip === undefined && !consequence && (aligned?.score ?? 0) < o.alignClause) {
    // …or the clause of the other polarity with the same subject ("Children under 12 aren't allowed…" / "Children of any age may join…").
    const q =
      opposedCounterpart(c, original, candidate, o.alignClause, o.maxClauses) ??
      subjectCounterpart(c, original, candidate, o.alignClause, o.maxClauses);
    const other = q !== undefined && q !== p ? diffPolarity(c, q, context, o) : undefined;
    if (other?.kind === 'polarity_flip') flip = other;
  }
  if (flip !== undefined) out.push({ ...flip, path: clausePath(c) });
  const swap = flip === undefined && p !== undefined && !anchored ? swappedTerm(p, c, candidate, production, baselines) : undefined;
  if (swap !== undefined) out.push({ ...swap, path: clausePath(c) });
  // An item moved to the other side of a negation, each clause keeping its polarity.
  const moved = flip === undefined && swap === undefined ? movedItem(c, original, candidate, baselines, o.maxClauses) : undefined;
  if (moved !== undefined) out.push({ ...moved, path: clausePath(c) });
  // A clause whose values production states is a rewording of something production says.
  if (novel.length > 0 || c.values.some((v) => !v.weak && v.type !== 'entity') || matched.has(c)) return;
  if (claimSize(c, candidate, production, o.claimSupport) < o.claimWords || c.framing || c.condition) return;
  // Production says it in another answer (a sentence it sometimes leaves out): a clause of a baseline
  // states its claim (states-claim.ts), not one that only shares its words ("The setting persists in
  // the database file" against "it doesn't persist in the file").
  if (baselines.some((b) => sayIt(c, b, candidate, o))) return;
  // A generic noun ("this feature", "that part", "the option") refers back to what production
  // named; it is no new word of a claim.
  const known = knownWords(c, production);
  // A baseline's sentence counts where a clause of it states this clause's claim (states-claim.ts):
  // "Every dog has a heated run of its own" rewords a sentence the candidate keeps, not its "Every dog
  // is kept in a run of its own, even littermates".
  if (
    known / c.content.length >= o.claimSupport &&
    (saidInOneSentence(c, [original], o.claimSupport) ||
      (saidInOneSentence(c, baselines, o.claimSupport) && baselineStating(c, baselines, candidate, o.maxClauses) >= 0))
  )
    return;
  // New words alone are how a paraphrase (or a longer answer's advice) reads too: a new claim
  // also asserts — a negation, an obligation, a quantifier, a fee or a limit.
  // …or it is the one sentence the candidate adds to an answer that repeats production's word for word.
  // (onlyChanged first: most pairs differ in their sentence count, which it reads before any word.)
  // …or it grants a class of things an action production has no word for ("Passes can be shared with a friend").
  if (
    !asserts(c) &&
    !(onlyChanged(original, candidate, c.sentence, true, o.maxClauses) && namesNewThings(c, production)) &&
    !grantsNewAction(c, production) &&
    // …or it adds, with "also", one more thing the service or a thing does ("The chip also opens our dog flaps").
    !alsoAdds(c, candidate, production)
  )
    return;
  // A sentence of the original said in words of its own.
  if (
    standsIn(
      c,
      c.values.every((v) => v.type !== 'entity' || entitySupported(v, production)),
    )
  )
    return;
  // Words before a colon that announce what follows.
  if (isLeadIn(c, candidate)) return;
  // What a claim production makes means for the reader.
  if (consequence) return;
  out.push({
    kind: 'added_claim',
    origin: { rule: 'added-claim' },
    path: clausePath(c),
    key: 'fact:claim',
    severity: 'high',
    message: `adds "${clip(c.text)}" (no production answer says this)`,
    candidate: c.text,
  });
}

/** Whether baseline `b`'s closest clause to `c` says it closely and states its claim (states-claim.ts). */
function sayIt(
  c: ClauseFacts,
  b: FactSheet,
  candidate: FactSheet,
  o: { readonly alignClause: number; readonly maxClauses: number },
): boolean {
  const a = align(c, b, o.maxClauses);
  return a !== undefined && a.score >= o.alignClause && statesClaim(a.clause, c, candidate, o.maxClauses);
}
