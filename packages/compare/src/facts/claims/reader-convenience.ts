import type { ClauseToken } from '../clauses/split-clauses.js';

// "we'll find a time that suits you", "we'll book a slot that works for you", "we can pick a day
// that's convenient": a promise to schedule at the reader's convenience is courtesy, not a policy the
// service commits to (no time, price or rule is stated by it).
const timeNouns = new Set(['time', 'times', 'date', 'dates', 'slot', 'slots', 'day', 'days', 'appointment', 'moment']);
const suiting = new Set(['suits', 'suit', 'works', 'work', 'fits', 'fit', 'convenient', 'suitable']);

/** Whether the words from `j` on name a time at the reader's convenience ("a time that suits you"). */
export function atReadersConvenience(t: readonly ClauseToken[], j: number): boolean {
  for (let k = j; k < t.length && k < j + 4; k++) {
    if (!timeNouns.has(t[k]?.lower ?? '')) continue;
    for (let m = k + 1; m < t.length && m <= k + 4; m++) if (suiting.has(t[m]?.lower ?? '')) return true;
    return false;
  }
  return false;
}

// The service's promise before it: "we'll", "we will", "we can", "I'll".
const promisers = /^(?:we|i)['’]ll$/;

/** Whether a clause offers to schedule at the reader's convenience ("and we'll find a time that suits you"). */
export function offersConvenience(t: readonly ClauseToken[]): boolean {
  for (let i = 0; i < t.length; i++) {
    const w = t[i]?.lower ?? '';
    const next = t[i + 1]?.lower ?? '';
    const by = promisers.test(w) ? 1 : (w === 'we' || w === 'i') && (next === 'will' || next === 'can') ? 2 : 0;
    // The verb after the promise, then the time it offers.
    if (by > 0 && atReadersConvenience(t, i + by + 1)) return true;
  }
  return false;
}
