import type { FactSheet } from '../clauses/fact-sheet.js';
import { isConverted, unconverted } from './converted-key.js';
import { type FactValue, isPlainNumber } from './fact-value.js';
import { isMeasure } from './measure-conversion.js';

// Up to this many entries a list is searched in place; past it, a set is built (most clauses state
// one or two values: three sets per clause cost more than they save).
const smallList = 16;

/** Strings or numbers, searched by SameValueZero like a `Set`, a set only once it grows. */
class Members<T> {
  readonly #list: T[] = [];
  #set: Set<T> | undefined;

  add(x: T): void {
    if (this.#set !== undefined) {
      this.#set.add(x);
      return;
    }
    if (this.#list.includes(x)) return;
    this.#list.push(x);
    if (this.#list.length > smallList) this.#set = new Set(this.#list);
  }

  has(x: T): boolean {
    return this.#set === undefined ? this.#list.includes(x) : this.#set.has(x);
  }
}

/**
 * The values of one or more answers, indexed so that "is this value stated there?" costs O(1)
 * whatever the answers' length (see `isSupported` in fact-value.ts for the rule).
 */
export class ValueIndex {
  readonly #keys = new Members<string>();
  // Conversions (converted-key.ts), by the key they stand for: they meet own keys only.
  readonly #converted = new Members<string>();
  readonly #nums = new Members<number>();
  readonly #bareNums = new Members<number>();
  readonly #unmeasuredNums = new Members<number>();

  constructor(values: Iterable<FactValue> = []) {
    for (const v of values) this.add(v);
  }

  add(v: FactValue): void {
    for (const k of v.keys)
      if (isConverted(k)) this.#converted.add(unconverted(k));
      else this.#keys.add(k);
    if (v.num !== undefined) {
      this.#nums.add(v.num);
      if (v.type === 'number') this.#bareNums.add(v.num);
      if (!isMeasure(v)) this.#unmeasuredNums.add(v.num);
    }
    // A time on the hour also carries its hour on the 24-hour clock: "Check-in 15–19" says 15:00–19:00.
    if (v.type === 'time') for (const k of v.keys) if (k.endsWith(':00')) this.#nums.add(Number(k.slice(5, 7)));
  }

  /** Whether a key of `v` is stated as such: "one car" is not stated by "a month" (both count 1). */
  hasKey(v: FactValue): boolean {
    for (const k of v.keys) if (this.#meets(k)) return true;
    return false;
  }

  /** A key of a stated value meets `k` (a conversion meets only an own key). */
  #meets(k: string): boolean {
    return isConverted(k) ? this.#keys.has(unconverted(k)) : this.#keys.has(k) || this.#converted.has(k);
  }

  /**
   * A shared key, or the same number where one side states it bare: a bare number supports any
   * value that carries it (`$20` ~ "costs 20"), and a bare or counted number (`3`, `3 nights`) is
   * supported by any value that carries it. A value with its own unit is not supported by another
   * unit's count: "2 weeks" is not "2 bedrooms", nor a measure another unit's: "8 lb" is not "8 kg".
   */
  has(v: FactValue): boolean {
    for (const k of v.keys) if (this.#meets(k)) return true;
    if (v.num === undefined) return false;
    if (this.#bareNums.has(v.num)) return true;
    if (!isPlainNumber(v)) return false;
    return (isMeasure(v) ? this.#unmeasuredNums : this.#nums).has(v.num);
  }
}

/** A sheet's values, indexed (memoized on the sheet). */
export function sheetValues(sheet: FactSheet): ValueIndex {
  sheet.memo.values ??= new ValueIndex(sheet.values);
  return sheet.memo.values;
}
