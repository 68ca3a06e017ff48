import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { someKeysMeet } from './converted-key.js';
import type { FactValue } from './fact-value.js';
import { sameSlot } from './value-slots.js';

/** Where `v` stands among a clause's tokens: `[start, end)`, or undefined where its text is not a run of them. */
function spanOf(tokens: readonly ClauseToken[], v: FactValue): [number, number] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    let text = '';
    for (let j = i; j < tokens.length && text.length < v.text.length; j++) {
      text = text === '' ? (tokens[j] as ClauseToken).core : `${text} ${(tokens[j] as ClauseToken).core}`;
      if (text === v.text) return [i, j + 1];
    }
  }
  return undefined;
}

/**
 * The candidate clause copying, word for word, the original clause that states `v` but for the value
 * ("return must be by 11 a.m." → "return must be by 1 p.m.", "will appear within 10 business days" →
 * "will appear soon"): the clause's words before and after the value are the same (two at least), and
 * `value` is another value of its slot the candidate states between them, if any. The clause rules pair
 * clauses by the words they share, values included, so such a clause may pair with another clause
 * stating the new value ("Pickup between 1 and 4 p.m."); this pairs it by the words around the value.
 */
export function swappedValue(
  v: FactValue,
  original: FactSheet,
  candidate: FactSheet,
  maxClauses: number,
): { value?: FactValue; clause: ClauseFacts } | undefined {
  const x = original.clauses.find((c, i) => i < maxClauses && c.values.includes(v));
  const span = x === undefined ? undefined : spanOf(x.tokens, v);
  if (x === undefined || span === undefined) return undefined;
  const [start, end] = span;
  const after = x.tokens.length - end;
  if (start + after < 2) return undefined;
  const n = Math.min(candidate.clauses.length, maxClauses);
  let without: ClauseFacts | undefined;
  for (let k = 0; k < n; k++) {
    const c = candidate.clauses[k] as ClauseFacts;
    // The words kept before and after the value; one next to it may go with it ("within 10 days" → "soon").
    const before = Math.min(start, common(x.tokens, c.tokens, 1));
    const kept = Math.min(after, common(x.tokens, c.tokens, -1), c.tokens.length - before);
    if (before + kept < start + after - 1) continue;
    const middle = c.tokens.slice(before, c.tokens.length - kept);
    const inMiddle = c.values.filter((y) => y !== v && sameSlot(y, v) && spanOf(middle, y) !== undefined);
    if (inMiddle.some((y) => someKeysMeet(y.keys, v.keys))) continue;
    if (inMiddle[0] !== undefined) return { value: inMiddle[0], clause: c };
    without ??= c;
  }
  return without === undefined ? undefined : { clause: without };
}

/** How many words `a` and `b` share at their start (`dir` 1) or at their end (`dir` -1). */
function common(a: readonly ClauseToken[], b: readonly ClauseToken[], dir: 1 | -1): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && (dir === 1 ? a[k] : a[a.length - 1 - k])?.lower === (dir === 1 ? b[k] : b[b.length - 1 - k])?.lower) k++;
  return k;
}
