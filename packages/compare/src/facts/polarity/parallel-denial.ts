import type { ClauseToken } from '../clauses/split-clauses.js';

// "no perfume, no phones", "no pets, no smoking and no parties": each "no" denies its own item of one
// list, so the clause denies once. Counted as negations, two of them cancel and "In the cave: no
// perfume, no phones" read as the opposite of "Please don't wear perfume or bring phones into the cave".

/**
 * Whether the "no" at `i` opens the next item of a list of denied items: right after a comma, "and" or
 * "or" that closes a short phrase (at most three words) which an earlier "no" opened.
 */
export function parallelDenial(t: readonly ClauseToken[], i: number): boolean {
  if (t[i]?.lower !== 'no') return false;
  const prev = t[i - 1];
  if (prev === undefined) return false;
  const joiner = prev.lower === 'and' || prev.lower === 'or';
  if (!joiner && !(prev.after ?? '').includes(',')) return false;
  const last = joiner ? i - 2 : i - 1;
  // The joiner itself may follow a comma ("no pets, and no parties").
  if (joiner && !/^,?$/.test(t[last]?.after ?? '')) return false;
  for (let k = last; k >= Math.max(0, last - 3); k--) {
    const x = t[k];
    if (x === undefined) return false;
    // The phrase before the joiner is one phrase: no punctuation inside it.
    if (k < last && (x.after ?? '') !== '') return false;
    if (x.lower === 'no') return k < last;
  }
  return false;
}
