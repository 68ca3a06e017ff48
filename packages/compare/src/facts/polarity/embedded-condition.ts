import type { ClauseToken } from '../clauses/split-clauses.js';

// "Jumps depend on the weather, and if we can't fly we'll rebook you free of charge": a condition
// that opens a new conjunct is followed by its own main clause, which the clause asserts. Only the
// condition's words ("we can't fly") are the condition's; the main clause after it ("we'll rebook you
// free of charge") counts, where a trailing subordinate clause ("…unless a vet says so") ends the claim.

const conditions = new Set(['if', 'unless']);
const joiners = new Set(['and', 'but', 'so', 'or']);
// Subjects that open the main clause after the condition: a contraction with a modal, or a pronoun
// before a modal or an auxiliary ("we'll", "you will", "it is").
const contracted = /^(?:we|you|they|i|it|he|she)['’](?:ll|d)$/;
const pronouns = new Set(['we', 'you', 'they', 'i', 'it', 'he', 'she']);
const modals = new Set(['will', 'would', 'can', 'could', 'must', 'should', 'may', 'might', 'shall']);

/**
 * Where the main clause after a condition at `i` starts, when that condition opens a new conjunct
 * ("…, and if we can't fly we'll rebook you") or follows a label ("Weather: if we can't fly, we rebook
 * you"); -1 otherwise (a condition after its main clause).
 */
export function consequenceStart(t: readonly ClauseToken[], i: number): number {
  if (!conditions.has(t[i]?.lower ?? '')) return -1;
  const prev = t[i - 1];
  // After "and" / "but", or after a label's colon or a dash ("Weather: if we can't fly, we rebook you").
  if (prev === undefined || !(joiners.has(prev.lower) || /[:–—-]/.test(prev.after ?? '') || /^[–—-]$/.test(prev.core))) return -1;
  // The condition has its own subject right after "if"; the main clause comes after its comma, or at
  // its own subject within a few words.
  for (let j = i + 2; j < t.length && j <= i + 10; j++) {
    const w = t[j]?.lower ?? '';
    const mark = t[j - 1]?.after ?? '';
    if (mark === ',') return j;
    if (mark !== '') return -1;
    const after = t[j + 1]?.lower ?? '';
    if (contracted.test(w) || (pronouns.has(w) && (modals.has(after) || after.endsWith("n't") || after === 'cannot'))) return j;
  }
  return -1;
}
