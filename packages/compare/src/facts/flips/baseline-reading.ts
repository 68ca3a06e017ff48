import { align } from '../clauses/clause-alignment.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';

/** Whether two clauses say opposite things; `scoped` as in polarity-diff.ts `opposed`. */
export type Opposed = (a: ClauseFacts, b: ClauseFacts, scoped?: boolean) => boolean;

/** Of the candidate clause's content words, the share a baseline clause must say to speak for it. */
export const coverage = 0.6;

/**
 * Whether every baseline says candidate clause `c` the candidate's way, where `c` reads as the
 * opposite of the original's affirmative clause `p` by a negation: each baseline has a clause that is
 * `c`'s mutual best match, says most of its content words (three in five), is negated where `p` is
 * not, and reads as `c` does (the same count of negations, no word of the opposite direction; a
 * negation whose scope the rules judge not opposed to `p`: "Custom domains are available on Pro
 * only" / "…come with Pro only and aren't part of your plan" / "No custom domains - that's a Pro
 * feature"). Production then says this claim with a negation too: one baseline is the production
 * answer nearest in wording, and a reading it shares is production's, not a flip.
 *
 * Not where the original has the negation and the baseline lacks it (a "not" said affirmatively:
 * "isn't refundable" / "every sale is final"): a real flip that drops the original's "not" reads like
 * that paraphrase, and hold-out 5 (totals only) lost a caught negation. Not where the counts agree
 * and only a direction word sets `c` apart from `p`: a baseline worded with a word the rules do not
 * know ("the payment drops") cannot speak against "increases".
 */
export function readsAsBaseline(
  c: ClauseFacts,
  p: ClauseFacts,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
  opposed: Opposed,
): boolean {
  if (baselines.length === 0 || c.content.length === 0) return false;
  return baselines.every((b) => {
    const a = align(c, b, o.maxClauses);
    const x = a?.clause;
    if (x === undefined || a === undefined || a.score < o.alignClause || x.condition || x.framing) return false;
    if (align(x, candidate, o.maxClauses)?.clause !== c) return false;
    let said = 0;
    for (const w of c.content) if (x.contentSet.has(w)) said++;
    if (said < coverage * c.content.length) return false;
    if (p.polarity.negated || !opposed(x, p, false)) return false;
    return !opposed(x, c, false) && !opposed(x, c);
  });
}
