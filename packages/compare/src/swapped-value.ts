import type { ClauseFacts, FactSheet } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';
import type { ClauseToken } from './split-clauses.js';
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
 * The value that replaces `v` in a candidate clause copying, word for word, the original clause that
 * states it ("return must be by 11 a.m." → "return must be by 1 p.m."): the clause's words before and
 * after the value are the same (two at least), and between them the candidate states another value of
 * its slot. The clause rules pair clauses by the words they share, values included, so such a clause
 * may pair with another clause stating the new value ("Pickup between 1 and 4 p.m."); this pairs it by
 * the words around the value alone.
 */
export function swappedValue(
  v: FactValue,
  original: FactSheet,
  candidate: FactSheet,
  maxClauses: number,
): { value: FactValue; clause: ClauseFacts } | undefined {
  const x = original.clauses.find((c, i) => i < maxClauses && c.values.includes(v));
  const span = x === undefined ? undefined : spanOf(x.tokens, v);
  if (x === undefined || span === undefined) return undefined;
  const [start, end] = span;
  const after = x.tokens.length - end;
  if (start + after < 2) return undefined;
  const n = Math.min(candidate.clauses.length, maxClauses);
  for (let k = 0; k < n; k++) {
    const c = candidate.clauses[k] as ClauseFacts;
    if (c.tokens.length < start + after + 1 || !same(x.tokens, c.tokens, 0, 0, start)) continue;
    if (!same(x.tokens, c.tokens, end, c.tokens.length - after, after)) continue;
    const middle = c.tokens.slice(start, c.tokens.length - after);
    const w = c.values.find(
      (y) => y !== v && sameSlot(y, v) && !y.keys.some((key) => v.keys.includes(key)) && spanOf(middle, y) !== undefined,
    );
    if (w !== undefined) return { value: w, clause: c };
  }
  return undefined;
}

/** Whether `n` tokens from `i` in `a` and from `j` in `b` are the same words. */
function same(a: readonly ClauseToken[], b: readonly ClauseToken[], i: number, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[i + k]?.lower !== b[j + k]?.lower) return false;
  return true;
}
