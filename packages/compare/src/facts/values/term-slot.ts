import { isFunctionWord } from '../clauses/content-words.js';
import type { FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';

/**
 * Whether baseline `b` says the original's clause with the slot of a swapped term empty: a clause
 * of it (its first `max`) holds the word right before the term and the word right after it side by
 * side ("…per hari termasuk operator" for "…per hari, sudah termasuk operator"); a word between them,
 * even a copula ("assessment is 45 minutes" for "assessment takes 45 minutes"), fills the slot. Production then leaves a word out where the candidate puts another one in
 * ("sudah" → "belum", already → not yet): it never words the slot another way, so it excuses nothing.
 * A clause that rewords the phrase around the term (a neighbour missing, or other words between)
 * may still say the slot its own way.
 */
export function emptiesSlot(a: readonly ClauseToken[], at: number, length: number, b: FactSheet, max: number): boolean {
  const before = a[at - 1]?.lower;
  const after = a[at + length]?.lower;
  if (before === undefined || after === undefined || isFunctionWord(before) || isFunctionWord(after)) return false;
  return b.clauses.some((x, i) => {
    if (i >= max) return false;
    const t = x.tokens;
    for (let l = 0; l + 1 < t.length; l++) if (t[l]?.lower === before && t[l + 1]?.lower === after) return true;
    return false;
  });
}
