import { someKeysMeet } from './converted-key.js';
import type { FactValue } from './fact-value.js';

/**
 * The step a figure is given to: 0.01 for 470.60, 1 for 471, 10 for 470, 100 for 500 (its last
 * digit that is not a trailing zero).
 */
function step(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 1;
  if (!Number.isInteger(x)) {
    const decimals = (String(x).split('.')[1] ?? '').length;
    return 10 ** -decimals;
  }
  let unit = 1;
  while (unit < 1e12 && (Math.abs(x) / unit) % 10 === 0) unit *= 10;
  return unit;
}

/** Whether `x` says `y` rounded to its own step ("about 471" for 470.60; not 476). */
function roundsTo(y: number, x: number): boolean {
  return Math.abs(y - x) <= step(x) / 2 + 1e-9;
}

/**
 * Whether a baseline's figure `x`, where the original said `before`, shows production varies
 * enough to excuse the candidate's `v`: a figure that is the original's with fewer decimals
 * ("about 471" for 470.60) excuses only what rounds to it too (470.90, not 476.00); any other
 * figure says production gives different values there, and excuses any.
 */
export function excusesChange(x: FactValue, before: FactValue, v: FactValue): boolean {
  if (x.num === undefined || before.num === undefined || v.num === undefined || x.num === before.num) return true;
  // A figure the baseline says is approximate ("roughly 38,000 points" for 38,400) is the original's
  // rounded, whole or not: it excuses only what rounds to it too (not 34,800).
  if (x.approximate === true && step(x.num) > step(before.num) && roundsTo(before.num, x.num)) return roundsTo(v.num, x.num);
  // Only a figure with decimals is read as rounded: "$40" where the original said "$35" is
  // another figure, not "$35" to the nearest ten.
  if (Number.isInteger(before.num) || step(x.num) <= step(before.num) || !roundsTo(before.num, x.num)) return true;
  return roundsTo(v.num, x.num);
}

/** The number of a value's first key ("money:USD:13900" → 13900): its figure in the key's unit. */
function keyNumber(v: FactValue): number {
  const k = v.keys[0] ?? '';
  return Number(k.slice(k.lastIndexOf(':') + 1));
}

/**
 * Whether the candidate's `v` is the original's `before` rounded, and says so ("roughly $14,000"
 * for $13,900, "about 38,000 points" for 38,400): said to be approximate, in the same unit, given
 * to a coarser step, within half of it of the original and within 5 % of it. Another figure
 * ("about $53" for $35) or one said exactly ("$14,000") is still a change.
 */
export function saysRounded(before: FactValue, v: FactValue): boolean {
  if (v.approximate !== true || before.approximate === true || before.type !== v.type) return false;
  const b = keyNumber(before);
  const x = keyNumber(v);
  const unitOf = (k: string | undefined): string => (k ?? '').slice(0, (k ?? '').lastIndexOf(':'));
  if (!Number.isFinite(b) || !Number.isFinite(x) || b === 0 || unitOf(before.keys[0]) !== unitOf(v.keys[0])) return false;
  return step(x) > step(b) && roundsTo(b, x) && Math.abs(x - b) <= 0.05 * Math.abs(b);
}

/**
 * Whether an answer's values hold `before` and `v` as the two ends of one range ("roughly 6–7 weeks"
 * against "about 6 weeks" and "about 7 weeks"): that answer gives the figure as a span, so production
 * varies over it and a candidate saying either end says what production does.
 */
export function spansBoth(values: readonly FactValue[], before: FactValue, v: FactValue): boolean {
  const same = (x: FactValue, y: FactValue): boolean => x.type === y.type && someKeysMeet(x.keys, y.keys);
  // "3–4 hours" is one token, both ends; "three to four hours" gives the first end the whole range.
  const oneRange = (x: FactValue, y: FactValue): boolean =>
    y.text === x.text || x.text.endsWith(` ${y.text}`) || y.text.endsWith(` ${x.text}`);
  return values.some((x) => same(x, before) && values.some((y) => y !== x && oneRange(x, y) && same(y, v)));
}
