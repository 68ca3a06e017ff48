import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { unconverted } from './converted-key.js';
import type { FactValue } from './fact-value.js';
import { isPlainNumber } from './fact-value.js';

// Which clauses of an answer may state a value, by the keys and numbers ValueIndex.has matches on
// (value-index.ts): the rules that ask "does another clause state it?" of every value of every
// candidate clause look up the few clauses holding that key or number instead of scanning them all.

/** Clause indices of one sheet by what its values carry, each list in clause order. */
export interface ClausesByValue {
  /** Every key of every value (a conversion under the key it stands for). */
  readonly byKey: Map<string, number[]>;
  /** The number of every value that carries one, and the hour of a time on the hour (as ValueIndex adds them). */
  readonly byNum: Map<number, number[]>;
  /** The number of every value of type `number` (a bare number). */
  readonly byBareNum: Map<number, number[]>;
}

function put<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function clausesByValue(sheet: FactSheet): ClausesByValue {
  let index = sheet.memo.clausesByValue;
  if (index === undefined) {
    const byKey = new Map<string, number[]>();
    const byNum = new Map<number, number[]>();
    const byBareNum = new Map<number, number[]>();
    sheet.clauses.forEach((c, i) => {
      for (const v of c.values) {
        // A conversion under the key it stands for: a superset of the clauses to ask, which `ask` narrows.
        for (const k of v.keys) put(byKey, unconverted(k), i);
        if (v.num !== undefined) {
          put(byNum, v.num, i);
          if (v.type === 'number') put(byBareNum, v.num, i);
        }
        if (v.type === 'time') for (const k of v.keys) if (k.endsWith(':00')) put(byNum, Number(k.slice(5, 7)), i);
      }
    });
    index = { byKey, byNum, byBareNum };
    sheet.memo.clausesByValue = index;
  }
  return index;
}

/**
 * Whether some clause of `sheet` among its first `max` states `v` (`clauseStates`: by
 * ValueIndex.has's rule) and passes `test` — what `sheet.clauses.some((x, i) => i < max &&
 * clauseStates(x, v) && test(x))` answers, asking only the clauses that hold one of `v`'s keys or
 * its number. `test` must have no effect on the answer of another call (it may be asked of a
 * clause more than once, and in another order than the clauses').
 */
export function someClauseStates(sheet: FactSheet, v: FactValue, max: number, test: (x: ClauseFacts) => boolean): boolean {
  const { byKey, byNum, byBareNum } = clausesByValue(sheet);
  for (const k of v.keys) if (ask(byKey.get(unconverted(k)), sheet, v, max, test)) return true;
  if (v.num === undefined) return false;
  return ask(byBareNum.get(v.num), sheet, v, max, test) || (isPlainNumber(v) && ask(byNum.get(v.num), sheet, v, max, test));
}

// A module-level function, not a closure per call: asked for every value of every candidate clause
// (the sources run through tsx, which names each closure it creates with an Object.defineProperty).
function ask(list: readonly number[] | undefined, sheet: FactSheet, v: FactValue, max: number, test: (x: ClauseFacts) => boolean): boolean {
  if (list === undefined) return false;
  for (const i of list) {
    if (i >= max) return false;
    const x = sheet.clauses[i] as ClauseFacts;
    if (x.valueIndex.has(v) && test(x)) return true;
  }
  return false;
}
