import { defineCue, holdsCue } from '../clauses/clause-cues.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { hasNegatingPrefix, withoutNegatingPrefix } from '../polarity/negating-prefix.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

/** The {@link hasNegatingPrefix} cue (clause-cues.ts): a pair of clauses neither of which holds it is no {@link prefixAntonym}. */
export const prefixCue = defineCue('negating prefix', hasNegatingPrefix);

/**
 * Whether one clause uses a word the other uses with a negating prefix ("affected" vs "unaffected"),
 * where the polarity count does not already read that word as negated.
 */
export function prefixAntonym(a: ClauseFacts, b: ClauseFacts): boolean {
  // Only a word of six letters or more that opens with a negating prefix can decide: most clause
  // pairs have none, and need no word sets.
  if (!holdsCue(a, prefixCue) && !holdsCue(b, prefixCue)) return false;
  const wa = new Set(a.tokens.map((t) => t.lower));
  const wb = new Set(b.tokens.map((t) => t.lower));
  return negatesOther(wa, wb) || negatesOther(wb, wa);
}

/** Whether a word of `from` is a word of `other` (and not of `from`) with a negating prefix. */
function negatesOther(from: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  for (const w of from) {
    // A word the polarity count already reads as negated ("non-refundable", "unavailable") is no second negation.
    if (other.has(w) || w.length < 6 || isNegationCue(w)) continue;
    for (const plain of withoutNegatingPrefix(w)) if (other.has(plain) && !from.has(plain)) return true;
  }
  return false;
}

const auxiliaries = new Set([
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'may',
  'might',
  'is',
  'are',
  'was',
  'were',
  'be',
  'do',
  'does',
  'did',
  'have',
  'has',
]);

/**
 * The words that differ between two aligned clauses, with a little context after them, as
 * `don't need a referral → do need a referral`. Falls back to both clauses when they share
 * nothing at either end.
 */
export function polarityEvidence(a: ClauseFacts, b: ClauseFacts): string {
  const ta = a.tokens.map((t) => t.core);
  const tb = b.tokens.map((t) => t.core);
  const { pre, suf, changedA, changedB } = editOf(a, b);
  if (changedA + changedB > 16 || (pre === 0 && suf === 0)) return `"${clip(a.text)}" → "${clip(b.text)}"`;
  // Up to three words of shared context after the change, and the auxiliary before it ("will
  // not be charged"), so the evidence reads as a phrase.
  const context = Math.min(suf, 3);
  const from = pre > 0 && auxiliaries.has(a.tokens[pre - 1]?.lower ?? '') ? pre - 1 : pre;
  const piece = (t: readonly string[], changed: number): string => t.slice(from, pre + changed + context).join(' ');
  return `${piece(ta, changedA) || '∅'} → ${piece(tb, changedB) || '∅'}`;
}

/** The words two clauses share at their start (`pre`) and end (`suf`), and how many each has between. */
function editOf(a: ClauseFacts, b: ClauseFacts): { pre: number; suf: number; changedA: number; changedB: number } {
  const la = a.tokens;
  const lb = b.tokens;
  let pre = 0;
  while (pre < la.length && pre < lb.length && la[pre]?.lower === lb[pre]?.lower) pre++;
  let suf = 0;
  while (suf < la.length - pre && suf < lb.length - pre && la[la.length - 1 - suf]?.lower === lb[lb.length - 1 - suf]?.lower) suf++;
  return { pre, suf, changedA: la.length - pre - suf, changedB: lb.length - pre - suf };
}

/**
 * Whether one clause is the other reworded, not edited: they share no word at either end, or more
 * than 16 words stand between (the pairs whose evidence {@link polarityEvidence} quotes whole).
 */
export function reworded(a: ClauseFacts, b: ClauseFacts): boolean {
  const { pre, suf } = editOf(a, b);
  return 2 * (pre + suf) < Math.min(a.tokens.length, b.tokens.length);
}

function clip(s: string): string {
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}
