/** Kinds of value an answer can state; each compares by its own normal form. */
export const factValueTypes = [
  'money',
  'percent',
  'duration',
  'quantity',
  'number',
  'date',
  'time',
  'weekday',
  'identifier',
  'email',
  'url',
  'phone',
  'entity',
] as const;
export type FactValueType = (typeof factValueTypes)[number];

/** One value stated in a clause. */
export interface FactValue {
  readonly type: FactValueType;
  /** Normal forms (`money:USD:35`, `duration:2592000`); two values are the same when one key matches. */
  readonly keys: readonly string[];
  /** The number it carries, for support by a bare number (`$20` ~ `twenty`); undefined when none. */
  readonly num?: number;
  /** As written in the answer, for evidence (`$35`). */
  readonly text: string;
  /**
   * A value that supports others but is never reported as new on its own: a spelled-out
   * number with no unit ("one of our agents"), "a week", "weekdays".
   */
  readonly weak: boolean;
  /** Said to be approximate ("about 38,000", "roughly $14k", "~45 min"). */
  readonly approximate?: boolean;
}

/** Bare numbers and counted nouns: supported by any value that carries the same number. */
export function isPlainNumber(v: FactValue): boolean {
  return v.type === 'number' || v.type === 'quantity';
}
