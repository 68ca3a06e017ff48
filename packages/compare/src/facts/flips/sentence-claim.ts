import { align } from '../clauses/clause-alignment.js';
import { type ClauseFacts, type FactSheet, joinClauses } from '../clauses/fact-sheet.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { sameNegations } from './negation-sites.js';

// A claim is a sentence's, not a clause's: two wordings of one sentence may cut it into clauses in
// different places, and then the negation two aligned clauses differ by stands in another clause
// of the same sentence ("Devices that can't be wiped are shredded" / "If a device can't be wiped,
// it's shredded"; "We don't offer samples of X, but every other tea can be sampled" / "Samples are
// available for everything except X").

/**
 * Clause `x` of `sheet` joined with the other clauses of its sentence that say their part of what
 * `y` (a clause of `other`) says: whose closest clause in `other` is `y`, and which say a word of
 * `y` that `x` does not. `x` itself when there is none.
 */
function claimOf(x: ClauseFacts, sheet: FactSheet, y: ClauseFacts, other: FactSheet, max: number): ClauseFacts {
  const parts = sheet.clauses.filter((z, i) => {
    if (z === x) return true;
    if (i >= max || z.sentence !== x.sentence || z.framing) return false;
    if (!z.content.some((w) => y.contentSet.has(w) && !x.contentSet.has(w))) return false;
    return align(z, other, max)?.clause === y;
  });
  return parts.length === 1 ? x : joinClauses(parts, sheet.words);
}

// Words that open a second predication inside a clause.
const inner = new Set([
  'that',
  'which',
  'who',
  'whose',
  'where',
  'if',
  'unless',
  'except',
  'when',
  'while',
  'although',
  'though',
  'but',
  'so',
]);

/**
 * Whether a clause holds two predications: punctuation inside it, or a word that opens a relative
 * or an adverbial clause. Only such a clause says what two clauses say; "Roof leaks and
 * pre-existing conditions are excluded" says one thing of both, which "Roof leaks are covered,
 * though pre-existing conditions are excluded" does not.
 */
function compound(c: ClauseFacts): boolean {
  const t = c.tokens;
  return t.some((x, i) => (i < t.length - 1 && (x.after ?? '') !== '') || (i > 0 && inner.has(x.lower)));
}

const cues = (c: ClauseFacts): number => c.tokens.reduce((n, t) => n + (isNegationCue(t.lower) ? 1 : 0), 0);

/**
 * Whether a polarity flip read between clause `x` of production's answer `sheet` and clause `c` of
 * the candidate is where the two answers cut a sentence into clauses, not what they claim: each
 * joined with the rest of its sentence that says its part of the other ({@link claimOf}; a single
 * clause facing a joined pair must itself hold two predications), the two claims carry as many
 * negations, each about the same words as one of the other's ({@link sameNegations}), the same
 * "free", and are not `opposed`. A flip with no negation word (an antonym) and a change of modality
 * are left to the clause rules: one modality read over two predicates says nothing.
 */
export function sentenceAgrees(
  x: ClauseFacts,
  sheet: FactSheet,
  c: ClauseFacts,
  candidate: FactSheet,
  opposed: (a: ClauseFacts, b: ClauseFacts) => boolean,
  max: number,
): boolean {
  const cx = claimOf(x, sheet, c, candidate, max);
  const cc = claimOf(c, candidate, x, sheet, max);
  if (cx === x && cc === c) return false;
  if ((cx !== x && cc === c && !compound(c)) || (cc !== c && cx === x && !compound(x))) return false;
  const n = cues(cx);
  if (n === 0 || n !== cues(cc) || (cx.polarity.free === true) !== (cc.polarity.free === true)) return false;
  return sameNegations(cx, cc) && !opposed(cx, cc);
}
