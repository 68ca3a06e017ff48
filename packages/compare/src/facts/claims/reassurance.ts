import type { ClauseToken } from '../clauses/split-clauses.js';

// A reassuring interjection opening a clause ("No worries,", "No problem at all!", "Not a problem -",
// "No rush."): it answers the reader's worry or thanks, and its "no" denies nothing of the world.
// Only as an interjection, closed by punctuation or the clause's end: "No problem bringing your dog"
// grants a permission and stays a claim.

const worries = new Set(['worries', 'worry', 'problem', 'problems', 'rush', 'trouble', 'stress', 'bother']);

/** Where a reassuring interjection opening at token `i` ends (the index after it), or -1. */
export function reassuranceEnd(t: readonly ClauseToken[], i: number): number {
  const w0 = t[i]?.lower;
  let end = -1;
  if (w0 === 'no' && worries.has(t[i + 1]?.lower ?? '')) end = i + 2;
  else if (w0 === 'not' && t[i + 1]?.lower === 'a' && worries.has(t[i + 2]?.lower ?? '')) end = i + 3;
  if (end < 0) return -1;
  // "No problem at all".
  if (t[end - 1]?.after === '' && t[end]?.lower === 'at' && t[end + 1]?.lower === 'all') end += 2;
  return end === t.length || (t[end - 1]?.after ?? '') !== '' ? end : -1;
}

// "don't worry", "do not worry", "never worry", "no need to worry", "not to worry": a reassurance; its
// negation denies nothing the service does ("…so don't worry if it feels strange at first").
const worryVerbs = new Set(['worry', 'fret', 'panic', 'stress']);

// Words of a feeling the reader is told not to have ("don't be nervous", "never be afraid to ask"):
// as "don't worry", it reassures. Not states the service asks for ("don't be late").
const feelings = new Set([
  'nervous',
  'anxious',
  'worried',
  'afraid',
  'scared',
  'shy',
  'alarmed',
  'surprised',
  'discouraged',
  'embarrassed',
  'intimidated',
]);

/** Whether "be" and a word of feeling stand at `k` ("[don't] be nervous", "[never] be afraid to ask"). */
export function feelingAt(t: readonly ClauseToken[], k: number): boolean {
  return t[k]?.lower === 'be' && feelings.has((t[k + 1]?.lower ?? '').replace(/[.,;:!?)]+$/, ''));
}

/** Whether the negation at `i` is a reassurance's ("don't worry", "no need to worry", "not to worry", "don't be nervous"). */
export function reassuringNegation(t: readonly ClauseToken[], i: number): boolean {
  const w = t[i]?.lower ?? '';
  const next = t[i + 1]?.lower ?? '';
  if (w === "don't" || w === 'never' || w === 'not')
    return worryVerbs.has(next) || feelingAt(t, i + 1) || (next === 'to' && worryVerbs.has(t[i + 2]?.lower ?? ''));
  if (w === 'do' && next === 'not') return worryVerbs.has(t[i + 2]?.lower ?? '') || feelingAt(t, i + 2);
  return w === 'no' && next === 'need' && t[i + 2]?.lower === 'to' && worryVerbs.has(t[i + 3]?.lower ?? '');
}
