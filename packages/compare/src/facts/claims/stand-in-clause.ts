import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { asserts } from './claim-assertion.js';

/**
 * Whether a candidate clause that no production clause supports by its words stands in for a
 * clause of the original the candidate left out: a sentence reworded in words of its own ("The
 * parcel must be sealed before pickup" / "Please note the box has to be taped shut before the
 * courier arrives") finds no partner by its words, and leaves the original's sentence without one
 * too. Where the candidate keeps every value the original states, it is a sentence-for-sentence
 * rewording, and a left-over original clause that asserts with the same stance (negated or not,
 * the same modality) is what the candidate's clause says; each one is taken once. An answer that
 * drops a value of the original is no such rewording (what it leaves out is left out, and its own
 * sentences are its own); nor is one whose clause names a name production does not.
 *
 * Returns a test that takes the left-over clause it pairs with, so each pairs once.
 */
export function standInTest(
  original: readonly ClauseFacts[],
  max: number,
  matched: ReadonlyMap<ClauseFacts, ClauseFacts>,
  keepsEveryValue: boolean,
  candidate: readonly ClauseFacts[] = [],
): (c: ClauseFacts, namesSupported: boolean) => boolean {
  if (!keepsEveryValue) return () => false;
  // Found on first use: most answers have no clause that would be a new claim.
  let leftOver: ClauseFacts[] | undefined;
  const taken = new Set<ClauseFacts>();
  return (c, namesSupported) => {
    if (!namesSupported) return false;
    if (leftOver === undefined) {
      const partners = new Set(matched.values());
      leftOver = original.slice(0, max).filter((x) => !x.framing && !partners.has(x) && asserts(x));
    }
    // A left-over clause another unpaired clause of the candidate says in more of its words is that clause's.
    const i = leftOver.findIndex((x) => sameStance(x, c) && !saidByAnother(x, c, candidate, max));
    if (i >= 0) {
      leftOver.splice(i, 1);
      return true;
    }
    return conditionsPartner(c, matched, taken);
  };
}

function sameStance(x: ClauseFacts, c: ClauseFacts): boolean {
  return x.polarity.negated === c.polarity.negated && x.polarity.modality === c.polarity.modality;
}

/**
 * Whether the candidate's condition before `c` ("If the wind is over 25 knots, | you'll get a new
 * date or a full refund") was paired with an original clause that says condition and consequence in
 * one ("If winds are above 25 knots we'll reschedule or refund you in full"): that clause's
 * consequence is what `c` says, where it asserts with `c`'s stance. Each such clause is taken once.
 */
function conditionsPartner(c: ClauseFacts, matched: ReadonlyMap<ClauseFacts, ClauseFacts>, taken: Set<ClauseFacts>): boolean {
  for (const [k, x] of matched) {
    if (!k.condition || k.sentence !== c.sentence || x.condition || x.framing || taken.has(x)) continue;
    if (!x.content.some((w) => !k.contentSet.has(w)) || !sameStance(x, c) || !asserts(x)) continue;
    taken.add(x);
    return true;
  }
  return false;
}

/** How many content words two clauses share. */
function shared(a: ClauseFacts, b: ClauseFacts): number {
  let n = 0;
  for (const w of a.contentUnique) if (b.contentUnique.includes(w)) n++;
  return n;
}

/**
 * Whether a clause of the candidate other than `c` shares two or more content words with the
 * original's left-over clause `x`, and more than `c` does: `x` is said there ("…, so you only carry
 * a day bag" / "A van moves your luggage to every hotel, so a day bag is all you need", one clause
 * paired with the sentence's other clause), so `c` does not stand in for it.
 */
function saidByAnother(x: ClauseFacts, c: ClauseFacts, candidate: readonly ClauseFacts[], max: number): boolean {
  const own = shared(c, x);
  return candidate.slice(0, max).some((d) => d !== c && !d.framing && shared(d, x) >= Math.max(2, own + 1));
}
