import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { priceWording } from '../polarity/price-pole.js';

// A thing joined in a list to one the original affirms, under one predicate: "Course books and the
// exam fee are included" against "Course books are included, but the exam fee isn't"; "Theft and
// loss are covered" against "Theft is covered, but loss isn't"; "includes anaesthesia, X-rays and
// any extractions" against "…includes anaesthesia and X-rays. Extractions aren't covered". The list
// says of each of its items what it says of one: the exception has become a case of the rule, with
// no word ("too", "both") to say so.

/** Words that may stand between a list's joint and its item ("and the exam fee", ", any extractions"). */
const determiners = new Set(['the', 'a', 'an', 'any', 'all', 'our', 'your', 'its', 'their', 'each', 'every']);

/** The token index of the item joined to the one at `i` by "and" / "or", on either side, or -1. */
function conjunct(t: readonly ClauseToken[], i: number): number {
  // Before it: "X and (the) Y".
  let k = i - 1;
  while (k >= 0 && determiners.has(t[k]?.lower ?? '')) k--;
  const joint = t[k];
  if (joint !== undefined && (joint.lower === 'and' || joint.lower === 'or')) {
    if (k >= 1 && (t[k - 1]?.after ?? '').trim() === '') return k - 1;
  } else if (joint !== undefined && (joint.after ?? '').trim() === ',' && listGoesOn(t, i)) return k;
  // After it: "Y and (the) X". (A comma alone is as often where a terse answer cuts two claims:
  // "ACCESS EXCLUSIVE lock, orders unusable meanwhile".)
  if ((t[i]?.after ?? '').trim() !== '' || (t[i + 1]?.lower !== 'and' && t[i + 1]?.lower !== 'or')) return -1;
  let j = i + 2;
  while (j < t.length && determiners.has(t[j]?.lower ?? '')) j++;
  return j < t.length ? j : -1;
}

/**
 * Whether the words after the item at `i` go on to "and" / "or" before any punctuation: "X, Y and Z"
 * is a list, where "lock, orders unusable meanwhile" is two claims a terse answer cuts at a comma.
 */
function listGoesOn(t: readonly ClauseToken[], i: number): boolean {
  for (let j = i; j < t.length; j++) {
    if ((t[j]?.after ?? '').trim() !== '') return false;
    const next = t[j + 1]?.lower;
    if (next === 'and' || next === 'or') return true;
  }
  return false;
}

/** Whether a token may be a list's item: a content word, not a word of price, a negation or a function word. */
function item(x: ClauseToken | undefined): boolean {
  if (x === undefined || isFunctionWord(x.lower) || isNegationCue(x.lower) || priceWording(x.lower)) return false;
  return contentWords(x.core).length > 0;
}

/**
 * Whether the word at `i` of predication `t` is an item of a list whose other item (next to it) an
 * affirmative claim `z` of the original (not `x`, the clause that denies the word) says, and `z` says
 * a word of the predication outside the two items too: the list's predicate is `z`'s.
 */
export function joinedToAffirmed(t: readonly ClauseToken[], i: number, ours: readonly ClauseFacts[], x: ClauseFacts): boolean {
  const k = conjunct(t, i);
  const other = t[k];
  if (k < 0 || !item(other) || other === undefined) return false;
  const items = new Set([...contentWords(other.core), ...contentWords(t[i]?.core ?? '')]);
  const rest = new Set<string>();
  for (const tok of t) for (const w of contentWords(tok.core)) if (!items.has(w) && !/\d/.test(w)) rest.add(w);
  const said = contentWords(other.core);
  // Both items denied together ("…in apps or websites") is the original's own list said again.
  if (said.some((w) => x.content.some((v) => v === w || (Math.min(v.length, w.length) >= 3 && (v.startsWith(w) || w.startsWith(v))))))
    return false;
  return ours.some(
    (z) =>
      z !== x &&
      !z.condition &&
      !z.framing &&
      !z.polarity.negated &&
      said.every((w) => z.contentSet.has(w)) &&
      [...rest].some((w) => z.contentSet.has(w)),
  );
}

/**
 * Two items of a list in `t` joined by "and" / "or": one whose word `inside` accepts and the other
 * whose words `outside` all accept (content words; neither a word of price, a negation or a function word).
 */
export function listedWith(
  t: readonly ClauseToken[],
  inside: (w: string) => boolean,
  outside: (w: string) => boolean,
): { inside: string; outside: string } | undefined {
  for (let i = 0; i < t.length; i++) {
    if (!item(t[i])) continue;
    const k = conjunct(t, i);
    if (k < 0 || !item(t[k])) continue;
    const a = contentWords(t[i]?.core ?? '');
    const b = contentWords(t[k]?.core ?? '');
    const w = a.find(inside);
    if (w !== undefined && b.length > 0 && b.every(outside) && !b.some(inside)) return { inside: w, outside: b.join(' ') };
  }
  return undefined;
}
