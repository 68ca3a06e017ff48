import type { ClauseFacts } from './fact-sheet.js';

// Words that put a figure below a floor ("under 14", "below 18", "younger than 12").
const below = new Set(['under', 'below', 'younger']);
// Words after a figure that state it as a floor ("14 and up", "18 or older").
const upward = new Set(['up', 'over', 'older', 'above', 'upwards']);

/** The digits of a token that holds a figure after an optional prefix ("under-18s" → "18"), or undefined. */
function figure(core: string): string | undefined {
  return /(\d+)/.exec(core)?.[1];
}

/**
 * Whether a negated clause that keeps those below a figure out ("Riders under 14 can't join the
 * trail ride", "under-18s can't buy") is said by the other clause as a floor on the same figure
 * ("riders 14 and up", "aged 14+", "at least 14", "18 or older", "over-18s", "our minimum rental age is 12"): one limit,
 * worded by whom it excludes or by whom it admits - not opposite claims. The other clause must not be
 * negated and must state the same figure as a floor; a clause that admits those under it ("Riders
 * under 14 can join") still turns it around.
 */
export function floorRestated(negated: ClauseFacts, other: ClauseFacts): boolean {
  if (other.polarity.negated) return false;
  const t = negated.tokens;
  let n: string | undefined;
  for (let i = 0; i < t.length && n === undefined; i++) {
    const w = t[i]?.lower ?? '';
    if (w.startsWith('under-')) n = figure(w);
    else if (below.has(w)) n = figure(t[i + (t[i + 1]?.lower === 'than' ? 2 : 1)]?.core ?? '');
  }
  if (n === undefined) return false;
  const o = other.tokens;
  return o.some((x, i) => {
    if (figure(x.core) !== n || o.some((y) => below.has(y.lower) || y.lower.startsWith('under-'))) return false;
    const next = o[i + 1]?.lower ?? '';
    const prev = o[i - 1]?.lower ?? '';
    return (
      x.core.endsWith('+') ||
      // "over-18s", "18-plus": a floor in one word.
      /^over-\d+s?$|^\d+-?plus$/i.test(x.core) ||
      // "the minimum age is 12", "our minimum rental age is 16", "minimum age for riders: 14".
      o.slice(Math.max(0, i - 5), i).some((y) => y.lower === 'minimum' || y.lower === 'min') ||
      ((next === 'and' || next === 'or') && upward.has(o[i + 2]?.lower ?? '')) ||
      (prev === 'least' && o[i - 2]?.lower === 'at')
    );
  });
}
