import { type FactValue, isPlainNumber } from './fact-value.js';

/**
 * The values of one or more answers, indexed so that "is this value stated there?" costs O(1)
 * whatever the answers' length (see `isSupported` in fact-value.ts for the rule).
 */
export class ValueIndex {
  readonly #keys = new Set<string>();
  readonly #nums = new Set<number>();
  readonly #plainNums = new Set<number>();

  constructor(values: Iterable<FactValue> = []) {
    for (const v of values) this.add(v);
  }

  add(v: FactValue): void {
    for (const k of v.keys) this.#keys.add(k);
    if (v.num !== undefined) {
      this.#nums.add(v.num);
      if (isPlainNumber(v)) this.#plainNums.add(v.num);
    }
  }

  /** A shared key, or the same number where either side is a plain number (`$20` ~ `twenty`). */
  has(v: FactValue): boolean {
    for (const k of v.keys) if (this.#keys.has(k)) return true;
    if (v.num === undefined) return false;
    return this.#plainNums.has(v.num) || (isPlainNumber(v) && this.#nums.has(v.num));
  }
}
