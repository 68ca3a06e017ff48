import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { FactValue } from './fact-value.js';
import { someClauseStates } from './some-clause-states.js';

// Module functions, not closures made per call: sameSlot is asked for every pair of values a rule looks at.
function unit(v: FactValue): string {
  return (v.keys[0] ?? '').replace(/[^:]*$/, '');
}

function numeric(v: FactValue): boolean {
  return v.num !== undefined && v.type !== 'time';
}

/** Whether a clause states the value (by {@link ValueIndex.has}'s rule). */
export function clauseStates(c: ClauseFacts, v: FactValue): boolean {
  return c.values.length > 0 && c.valueIndex.has(v);
}

/**
 * Counts of the same thing: `quantity:bag:1` and `quantity:bag:2`, or two bare spelled-out counts
 * above one ("two in stock" / "four in stock"; a bare "one" is as often a pronoun: "one of them");
 * or two sets of days that share none ("on weekdays" / "on weekends").
 */
export function countsSame(a: FactValue, b: FactValue): boolean {
  if (a.type === 'number' && b.type === 'number') return (a.num ?? 1) > 1 && (b.num ?? 1) > 1;
  if (a.type === 'weekday' && b.type === 'weekday') return !a.keys.some((k) => b.keys.includes(k));
  return a.type === 'quantity' && b.type === 'quantity' && unit(a) === unit(b);
}

/** Two values fill the same slot: the same type, or numbers either of which is plain. */
export function sameSlot(a: FactValue, b: FactValue): boolean {
  if (a.type === b.type) return true;
  return numeric(a) && numeric(b) && (a.type === 'number' || b.type === 'number');
}

/**
 * Whether a value anchors clause `c` to another clause than `x`: `c` states a value (not a weak one,
 * not a name) that `x` does not and another clause of `sheets` (their first `max`) does. Then `x` is
 * the wrong sentence to judge `c` by, however many words they share ("Your annual paid leave is 22
 * days" belongs with "…twenty-two days of paid holiday", not with "remaining leave is not paid out").
 */
export function anchoredElsewhere(c: ClauseFacts, x: ClauseFacts, sheets: readonly FactSheet[], max: number): boolean {
  return c.values.some(
    (v) => !v.weak && v.type !== 'entity' && !clauseStates(x, v) && sheets.some((sheet) => someClauseStates(sheet, v, max, (y) => y !== x)),
  );
}
