import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from './fact-value.js';
import { withUnit } from './number-unit.js';
import { secondsPer } from './unit-words.js';

// Sizes: two or three figures joined by "x" or "×" ("4×6", "8x10s", "10 x 10", "4 × 6-inch", "2x4x8").
// However it is written, a size is the same value: `dim:4x6`. The unit after it ("inches", "in.",
// "-inch", "cm", "ft") belongs to the size and is not read again; answers leave it out as often.
const glued = /^(\d+(?:\.\d+)?)(?:[×x](\d+(?:\.\d+)?))(?:[×x](\d+(?:\.\d+)?))?(?:-?(\p{L}+)\.?)?$/u;
const figure = /^\d+(?:\.\d+)?$/;
const times = /^[×x]$/;
// A size's unit, or the plural "s" of a size used as a noun ("8x10s").
const sizeUnit = /^(?:s|in|inch|inches|cm|mm|m|ft|feet|foot|metres?|meters?|yards?|yd)$/i;

function size(parts: readonly string[], text: string, used: number): { value: FactValue; used: number } {
  return { value: { type: 'quantity', keys: [`dim:${parts.join('x')}`], text, weak: false }, used };
}

/**
 * A size starting at token `i` whose text is `c` (a mark before it already taken off), or undefined:
 * glued ("4×6", "4x6-inch", "8x10s") or spaced ("4 x 6", "4 × 6-inch"). "3x/day" is a count of
 * times, not a size: a size needs a figure after the mark.
 */
export function dimensionAt(c: string, rest: readonly ClauseToken[]): { value: FactValue; used: number } | undefined {
  const g = glued.exec(c);
  if (g !== null) {
    if (g[4] !== undefined && !sizeUnit.test(g[4])) return undefined;
    const parts = [g[1], g[2], g[3]].filter((p): p is string => p !== undefined);
    return size(parts, c, 1 + unitAfter(rest, 0));
  }
  if (!figure.test(c) || !times.test(rest[0]?.core ?? '')) return undefined;
  const second = /^(\d+(?:\.\d+)?)(?:-?(\p{L}+)\.?)?$/u.exec(rest[1]?.core ?? '');
  if (second === null || (second[2] !== undefined && !sizeUnit.test(second[2]))) return undefined;
  // "3 × 3 h", "2 x 45 minutes": a count of something measured, not a size.
  if (second[2] === undefined && measured(rest[2])) return undefined;
  return size([c, second[1] ?? ''], `${c} x ${rest[1]?.core}`, 3 + (second[2] === undefined ? unitAfter(rest, 2) : 0));
}

/** Whether `t` is a unit other than a size's (hours, kilograms, euros): what the figure before it counts. */
function measured(t: ClauseToken | undefined): boolean {
  if (t === undefined || sizeUnit.test(t.core)) return false;
  return secondsPer[t.lower] !== undefined || withUnit(1, '1', [t], false).value.type !== 'number';
}

/** 1 when the token after `at` is a size's unit standing apart ("4×6 inches"), else 0. */
function unitAfter(rest: readonly ClauseToken[], at: number): number {
  const next = rest[at]?.core;
  return next !== undefined && next !== 's' && sizeUnit.test(next) ? 1 : 0;
}
