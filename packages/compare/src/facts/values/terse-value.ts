import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from './fact-value.js';
import { parseNumber, withUnit } from './number-unit.js';
import { currencySymbols } from './unit-words.js';

// A figure written the way a price list or a terse note writes it, which prose states in words:
// "£15pp" (per person), "$900pcm", "40p/kg", "3/day", "up to 24pp" (pages), "a 5-business-day
// refund". Read as the figure prose states, so a terse answer restates production's values.

// "per person", "per week", "per month", "per calendar month", "per annum", "each", "per hour", "per night".
const rateAbbreviation = /^([$€£¥₹₩])(\d[\d,]*(?:\.\d+)?)(?:pp|pw|pm|pcm|pa|ea|ph|pn)$/iu;
// A figure (with a currency sign or a unit glued to it) per a unit after a slash: "40p/kg", "3/day".
const perSlash = /^([$€£¥₹₩]?\d[\d,]*(?:\.\d+)?[\p{L}%]{0,3})\/\p{L}{2,}$/u;
// "24pp": a count of pages, as a printer writes it.
const pages = /^(\d+)pp$/;
// "5-business-day", "10-working-day": a count, a qualifier and a unit joined as one word.
const qualifiedUnit = /^(\d+(?:\.\d+)?)-(\p{L}+)-(\p{L}+)$/u;

const word = (w: string): ClauseToken => ({ core: w, lower: w.toLowerCase(), upper: false });

/**
 * The value of a tersely written figure `c` (a token's core), or undefined. `read` reads another
 * core as a value (the slash form's figure before its "/unit" is read as the token it would be alone).
 */
export function terseValueAt(c: string, read: (core: string) => FactValue | undefined): FactValue | undefined {
  let m = rateAbbreviation.exec(c);
  if (m !== null) {
    const n = parseNumber(m[2] ?? '0');
    return { type: 'money', keys: [`money:${currencySymbols[m[1] ?? '$']}:${n}`], num: n, text: c, weak: false };
  }
  m = pages.exec(c);
  if (m !== null) {
    const n = Number(m[1]);
    return { type: 'quantity', keys: [`quantity:page:${n}`], num: n, text: c, weak: false };
  }
  m = qualifiedUnit.exec(c);
  if (m !== null) {
    const r = withUnit(Number(m[1]), c, [word(m[2] ?? ''), word(m[3] ?? '')], false);
    return r.value.type === 'duration' && r.used === 2 ? { ...r.value, text: c } : undefined;
  }
  m = perSlash.exec(c);
  if (m !== null) {
    const v = read(m[1] ?? '');
    return v === undefined || v.type === 'identifier' ? undefined : { ...v, text: c };
  }
  return undefined;
}
