import { contentWords } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { directionDiffers } from '../flips/direction-differs.js';
import { affixNegated, mayBeAffixNegated } from '../polarity/affix-negation.js';
import { freeCompoundNoun } from '../polarity/free-compound.js';
import { editNegations } from '../polarity/language-negations.js';
import { hasNegatingPrefix, withoutNegatingPrefix } from '../polarity/negating-prefix.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { cessations, comparatives, failures, omissions, priceWords } from '../polarity/polarity-words.js';
import type { SentenceEdit } from './sentence-edits.js';

// Which edited words of a kept sentence negate (edited-sentence.ts reads the edits' parity).

// French's second word of "ne … pas": a side holding one counts "ne" once through it.
const frenchSecond = new Set(['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guère', 'point']);

// "no problem", "no worries": a reassurance, not a negation of the claim.
const reassurances = new Set(['problem', 'problems', 'worries', 'worry', 'rush', 'trouble']);

// Words an added or removed negation may come with ("do need", "no longer", "not ever").
export const negationFillers = new Set(['do', 'does', 'did', 'longer', 'ever', 'at', 'all']);

// Words a negator may stand before and still govern the word after them ("isn't really needed").
const governedAfter = new Set([
  'be',
  'been',
  'being',
  'is',
  'are',
  'was',
  'were',
  'really',
  'actually',
  'even',
  'any',
  'a',
  'an',
  'the',
  'to',
]);
// Subjects, relatives and auxiliaries after which "miss" is the clause's verb ("if you miss the deadline").
const omitters = new Set('i you he she it we they that who which will would can could may might should must do does did to'.split(' '));

/** Whether a word is a syntactic negator: it negates the word it governs, not a meaning of its own. */
function negator(w: string): boolean {
  return w === 'not' || w === 'never' || w === 'no' || w.endsWith("n't");
}

/**
 * Whether the negator at `i` governs a word the edit replaces: the next content word after it is in
 * its side and the other side says no word of that stem ("don't feed her" → "hold her food", "not
 * included" → "available"). The negation then bears on another predicate than the other side's,
 * which may well say the same thing its own way (negation-scope.ts reads clauses alike).
 */
function governsReplaced(side: readonly ClauseToken[], i: number, other: readonly ClauseToken[]): boolean {
  // Nothing put in its place: the negation goes with what it governs ("Pets aren't allowed in the
  // cabins" → "No pets in the cabins" drops "aren't allowed"), words removed with a negation among them.
  if (other.length === 0) return false;
  let k = i + 1;
  while (k < side.length && governedAfter.has(side[k]?.lower ?? '')) k++;
  const governed = side[k];
  if (governed === undefined) return false;
  const stems = contentWords(governed.lower);
  if (stems.length === 0) return false;
  if (other.some((t) => contentWords(t.lower).some((w) => stems.includes(w)))) return false;
  // The other side negates in its own word ("you miss" / "you don't meet", "is unaffected" / "isn't
  // affected") or names the governed word's opposite ("not enabled" / "disabled"): the negation counts.
  return !other.some((t) => deniesItself(t.lower, side) || directionDiffers([governed], [t]));
}

/** Whether a word negates in itself: a cue, a verb of missing or failing, or a word negated by its prefix whose plain form `other` says. */
function deniesItself(w: string, other: readonly ClauseToken[]): boolean {
  if (isNegationCue(w) || editNegations.has(w) || omissions.has(w) || failures.has(w) || affixNegated(w, other)) return true;
  if (!hasNegatingPrefix(w)) return false;
  const plain = withoutNegatingPrefix(w);
  return other.some((x) => plain.includes(x.lower));
}

/**
 * Whether the token at `i` of `side` is a negation: a cue, "free" in its price sense, a verb of
 * failing or missing before what it denies, a word negated by its prefix whose plain form the other
 * side says ("isn't affected" → "is unaffected"), or another language's "not".
 */
export function negates(
  side: readonly ClauseToken[],
  i: number,
  context: { readonly before: ClauseToken | undefined; readonly after: ClauseToken | undefined },
  other: readonly ClauseToken[] | undefined,
): boolean {
  const t = side[i];
  const w = t?.lower ?? '';
  const next = (side[i + 1] ?? context.after)?.lower;
  // "no later than", "no more than" bound a value; "No," replies; "no problem" / "no worries" reassure.
  if (w === 'no' && (comparatives.has(next ?? '') || (t?.after ?? '') !== '' || reassurances.has(next ?? ''))) return false;
  // "neither … nor": "nor" continues the negation "neither" (or a "not") opened.
  if (w === 'nor') return false;
  // "not only … but also" adds.
  if (w === 'not' && next === 'only') return false;
  // "free" is a negation ("no charge") only against a word of price ("is free" / "costs $20").
  if (w === 'free') return next !== 'to' && other !== undefined && other.some((x) => priceWords.has(x.lower));
  // A "-free" compound denies its noun only where the other side says the noun (free-compound.ts
  // reads its scope); "hassle-free" / "easy" is one thing said two ways.
  if (freeCompoundNoun(w) !== undefined) return false;
  if (failures.has(w)) return next === 'to';
  if (cessations.has(w)) return (next ?? '').endsWith('ing');
  if (omissions.has(w)) return omitters.has((side[i - 1] ?? context.before)?.lower ?? '') && next !== undefined;
  if (other !== undefined && hasNegatingPrefix(w) && !isNegationCue(w)) {
    const plain = withoutNegatingPrefix(w);
    if (other.some((x) => plain.includes(x.lower))) return true;
  }
  // Another language's word negated by its affix ("hradí" → "nehradí", "gerekir" → "gerekmez").
  if (other !== undefined && affixNegated(w, other)) return true;
  if (negator(w) && other !== undefined && governsReplaced(side, i, other)) return false;
  if (w === 'ne') return !side.some((x) => frenchSecond.has(x.lower));
  return isNegationCue(w) || editNegations.has(w);
}

/**
 * Whether a word may negate in {@link negates}, whatever its context: a cue, another language's
 * "not", "free", a verb of failing, stopping or missing, or a word with a negating prefix. A side
 * with none of them has no negation (edited-sentence.ts skips counting it).
 */
export function mayNegate(w: string): boolean {
  return (
    isNegationWord(w) ||
    w === 'free' ||
    failures.has(w) ||
    cessations.has(w) ||
    omissions.has(w) ||
    hasNegatingPrefix(w) ||
    mayBeAffixNegated(w)
  );
}

/** How many words of an edit's side negate. */
export function negations(side: readonly ClauseToken[], e: SentenceEdit, other: readonly ClauseToken[]): number {
  let n = 0;
  for (let i = 0; i < side.length; i++) if (negates(side, i, e, other)) n++;
  return n;
}

/** Whether a word is a negation cue, English or another language's "not". */
export function isNegationWord(w: string): boolean {
  return isNegationCue(w) || editNegations.has(w);
}
