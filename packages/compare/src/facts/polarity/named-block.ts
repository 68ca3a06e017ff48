import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNumberWord } from '../values/number-words.js';
import { verbTakers } from './word-roles.js';

// Words before "blocks" that make it a noun: "in blocks", "two blocks", "the blocks".
const nounTakers = new Set(['a', 'the', 'in', 'of', 'per', 'by', 'these', 'those', 'several', 'more', 'extra']);

/**
 * Whether "block" or "blocks" at `i` names a thing, not the verb that denies: "a transaction block",
 * "the next block" (no verb taker before "block"); "2-hour blocks", "two blocks a week", "in blocks",
 * "blocks," (a figure, a compound, a determiner or a preposition before the plural, or a break after
 * it), where "going over the cap blocks new publishes" denies.
 */
export function namesBlock(t: readonly ClauseToken[], i: number, start: number): boolean {
  const w = t[i]?.lower;
  const prev = t[i - 1];
  if (w === 'block') return i > start && !verbTakers.has(prev?.lower ?? '');
  if (w !== 'blocks') return false;
  if (prev === undefined || i === start) return true;
  return (
    /\d/.test(prev.core) ||
    prev.core.includes('-') ||
    isNumberWord(prev.lower) ||
    nounTakers.has(prev.lower) ||
    /[,;:.]/.test(t[i]?.after ?? '')
  );
}
