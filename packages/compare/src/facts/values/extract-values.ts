import { memoByText } from '../../text/memo-by-text.js';
import { hasDigit } from '../../text/word-forms.js';
import { memoSlots, type WordIds } from '../../text/word-ids.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { calendarWordAt, clockTime, dateOrTimeAt } from './calendar-value.js';
import { dimensionAt } from './dimension-value.js';
import type { FactValue } from './fact-value.js';
import { halfDurationAt } from './half-duration.js';
import { isLanguageNumberWord, languageNumber } from './language-numbers.js';
import { mayHoldValueMemo } from './may-hold-value.js';
import { gluedTemperature, temperatureKeys } from './measure-conversion.js';
import { articleValue, figureSource, mayFollowArticle, moneyNumber, parseNumber, plainNumber, withUnit } from './number-unit.js';
import { ordinalValue } from './number-words.js';
import { splitShareKeys } from './split-shares.js';
import { terseValueAt } from './terse-value.js';
import { zoneAt } from './time-zone.js';
import { countNouns, currencySymbols, measureUnits, moneySigns, scaleWords } from './unit-words.js';
import { webAddress } from './web-address.js';

// Which rule reads a value where: numbers and their units are in number-unit.ts, dates and times
// in calendar-value.ts; identifiers, e-mail addresses, URLs and phone numbers are read here. All of
// them are script-independent but the English number, unit, month and weekday words.

// A mark before a figure that is not part of it: "~", "≈", a bound (">", "<", "≥", "≤") before a digit
// or a currency sign, "+" before a currency sign ("+44 20…" is a phone number).
const approximate = /^(?:[~≈]|[><≥≤](?=[\d$€£¥₹₩])|\+(?=[$€£¥₹₩]))/u;

/** The language of the answer a clause is read from, asked only where a word's value depends on it. */
export type AnswerLanguage = () => string | undefined;

// Words that say the figure after them is rounded.
const hedges = new Set(['about', 'around', 'roughly', 'approximately', 'approx', 'approx.', 'circa', 'nearly', 'almost', 'some']);

/** Whether the value at token `i` is said to be approximate: a hedge word before it, or "~" / "≈" on it. */
function hedged(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  const first = t.core.charCodeAt(0);
  return first === 0x7e || first === 0x2248 || hedges.has(tokens[i - 1]?.lower ?? '');
}

/** Reads one value starting at token `i`; returns it and how many tokens it spans. */
function valueAt(
  tokens: readonly ClauseToken[],
  i: number,
  language: AnswerLanguage | undefined,
): { value: FactValue; also?: FactValue; used: number } | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  // "a"/"an" (the commonest candidates) can only start a spelled number or "a week": none of the
  // patterns below matches them, so go straight to those two rules — when the next word is one.
  if (t.lower === 'a' || t.lower === 'an')
    return mayFollowArticle(tokens[i + 1]) ? articleValue(tokens, i, t, tokens.slice(i + 1, i + 4)) : undefined;
  // A possessive on a number or code ("Floor 3's printer", "BK-4821's status") is the value itself.
  // "~45 min", "≈2 hours": the figure is the value; so is an amount with a sign or a bound before
  // it ("+$40/room" added, ">$25k", "≤30 days": the bound's direction is in the words as often).
  const core = approximate.test(t.core) ? t.core.slice(1) : t.core;
  const c = /\d['’]s$/.test(core) ? core.slice(0, -2) : core;
  // Four words ahead: "3 to 10 business days" names its unit in the fourth.
  const rest = tokens.slice(i + 1, i + 5);
  const address = webAddress(c);
  if (address !== undefined) return { value: address, used: 1 };
  if (/^[^\s@]+@[^\s@]+\.\p{L}{2,}$/u.test(c))
    return { value: { type: 'email', keys: [`email:${c.toLowerCase()}`], text: c, weak: false }, used: 1 };
  // Most words that get here have no digit (may, March, one…): the patterns that need one are skipped.
  const digit = hasDigit(c);
  if (digit) {
    const dated = dateOrTimeAt(c, rest);
    if (dated !== undefined) return dated;
  }
  // "noon" and "midnight" are clock times: "until midnight" is "until 12 am".
  if (t.lower === 'noon' || t.lower === 'midday' || t.lower === 'midnight') {
    const v = clockTime(t.lower === 'midnight' ? 0 : 12, 0, undefined, c);
    return v === undefined ? undefined : { value: v, used: 1 };
  }
  if (t.lower === 'half' || t.lower.startsWith('half-')) return halfDurationAt(t, rest);
  // "$12/$18" (two prices), "$300/5 days" (a price for a span): each is a value.
  let m = digit ? /^([$€£¥₹₩])(\d[\d,]*(?:\.\d+)?)\/([$€£¥₹₩])?(\d[\d,]*(?:\.\d+)?)$/u.exec(c) : null;
  if (m !== null && (m[3] === undefined || m[3] === m[1])) {
    const currency = currencySymbols[m[1] ?? '$'];
    const first = parseNumber(m[2] ?? '0');
    const second = parseNumber(m[4] ?? '0');
    const price: FactValue = { type: 'money', keys: [`money:${currency}:${first}`], num: first, text: c, weak: false };
    const span = m[3] === undefined ? withUnit(second, m[4] ?? '', rest, false) : undefined;
    if (span !== undefined && span.value.type !== 'number') return { value: price, also: span.value, used: 1 + span.used };
    return { value: price, also: { type: 'money', keys: [`money:${currency}:${second}`], num: second, text: c, weak: false }, used: 1 };
  }
  // "€80-€95/day", "$2.99–$9.99", "R$5k-20k": a range of amounts, each end with its currency; a
  // scale on the high end only ("$5-20k") is both ends'.
  m = digit ? signedRange.exec(c) : null;
  if (m !== null && (m[4] === undefined || m[4].toUpperCase() === (m[1] ?? '').toUpperCase())) {
    const currency = moneySigns[(m[1] ?? '$').toUpperCase()];
    const highScale = scaleOf(m[6]);
    const high = moneyNumber(m[5] ?? '0') * highScale;
    const low = rangeLowEnd(moneyNumber(m[2] ?? '0'), m[3], highScale, high);
    return {
      value: { type: 'money', keys: [`money:${currency}:${high}`], num: high, text: c, weak: false },
      also: { type: 'money', keys: [`money:${currency}:${low}`], num: low, text: c, weak: false },
      used: 1,
    };
  }
  // "$35", "$1.2k", "$210/night", "R$29,90", "€1.234,56".
  m = digit ? signedFigure.exec(c) : null;
  if (m !== null) {
    let scale = scaleOf(m[3]);
    // "$2.5 million"
    const word = m[3] === undefined && !/\/\p{L}/u.test(c) ? scaleWords[rest[0]?.lower ?? ''] : undefined;
    if (word !== undefined) scale = word;
    const n = moneyNumber(m[2] ?? '0') * scale;
    return {
      value: {
        type: 'money',
        keys: [`money:${moneySigns[(m[1] ?? '$').toUpperCase()]}:${n}`],
        num: n,
        text: word ? `${c} ${rest[0]?.core}` : c,
        weak: false,
      },
      used: word ? 2 : 1,
    };
  }
  // "12€", "12,50€/mois": the sign after the figure, glued; "€ 40", "R$ 1.500,00": a sign standing before it.
  m = digit ? signAfter.exec(c) : null;
  if (m !== null) {
    const n = moneyNumber(m[1] ?? '0');
    return { value: { type: 'money', keys: [`money:${currencySymbols[m[2] ?? '$']}:${n}`], num: n, text: c, weak: false }, used: 1 };
  }
  const signed = digit ? undefined : moneySigns[c];
  if (signed !== undefined && plainNumber.test(rest[0]?.core ?? '')) {
    const n = moneyNumber(rest[0]?.core ?? '0');
    return { value: { type: 'money', keys: [`money:${signed}:${n}`], num: n, text: `${c} ${rest[0]?.core}`, weak: false }, used: 2 };
  }
  // "45¢", "45¢/page": cents, as "45 cents" says them.
  m = digit ? /^(\d+(?:\.\d+)?)¢(?:\/\p{L}+)?$/u.exec(c) : null;
  if (m !== null) {
    const n = Number(m[1]);
    return { value: { type: 'money', keys: [`money:USD:${n / 100}`], num: n, text: c, weak: false }, used: 1 };
  }
  m = digit ? /^(USD|EUR|GBP|CHF|JPY|CAD|AUD|INR)(\d[\d,]*(?:\.\d+)?)$/i.exec(c) : null;
  if (m === null && /^(USD|EUR|GBP|CHF|JPY|CAD|AUD|INR)$/i.test(c) && plainNumber.test(rest[0]?.core ?? ''))
    m = /^(\w+) ?(.*)$/.exec(`${c} ${rest[0]?.core}`);
  if (m !== null) {
    const n = parseNumber(m[2] ?? '0');
    return {
      value: { type: 'money', keys: [`money:${(m[1] ?? '').toUpperCase()}:${n}`], num: n, text: c, weak: false },
      used: m[2] === '' ? 1 : c.length > 3 ? 1 : 2,
    };
  }
  // "+9%", "-2%": a signed change is a percent too (its direction is in the words around it as often).
  m = digit ? /^[+-]?(\d+(?:\.\d+)?)%$/.exec(c) : null;
  if (m !== null) return { value: { type: 'percent', keys: [`percent:${m[1]}`], num: Number(m[1]), text: c, weak: false }, used: 1 };
  if (digit && (/^\+\d[\d\s().-]{6,}\d$/.test(c) || /^(?:1[-.])?\(?\d{3}\)?[-.]?\d{3}[-.]\d{4}$/.test(c) || /^\d{3}-\d{4}$/.test(c))) {
    return { value: { type: 'phone', keys: [phoneKey(c)], text: c, weak: false }, used: 1 };
  }
  // "(415) 555-0142" (the brackets are not in the token), "415 555-0142": an area code before a local number.
  if (digit && /^\d{3}$/.test(c) && /^\d{3}[-.]\d{4}$/.test(rest[0]?.core ?? '')) {
    const text = `${c} ${rest[0]?.core}`;
    return { value: { type: 'phone', keys: [phoneKey(text)], text, weak: false }, used: 2 };
  }
  // "+1 415 555 0100", "(020) 7946 0958", "020 7946 0018": digit groups after a country code, an area
  // code or a trunk prefix's 0.
  if (digit && (/^(?:\+\d{1,3}|\(\d{2,4}\))$/.test(c) || (/^0\d{1,4}$/.test(c) && /^\d{3,4}$/.test(rest[0]?.core ?? '')))) {
    let j = i + 1;
    let text = c;
    while (j < tokens.length && j - i < 6 && /^\(?\d{2,4}\)?(?:-\d{2,4})?$/.test(tokens[j]?.core ?? '')) text += ` ${tokens[j++]?.core}`;
    const digits = text.replace(/\D/g, '');
    if (digits.length >= (c.startsWith('0') ? 9 : 8))
      return { value: { type: 'phone', keys: [phoneKey(text)], text, weak: false }, used: j - i };
  }
  // "4×6", "8x10s", "4 x 6 inches": a size ({@link dimensionAt}); most figures have no "x" in or after them.
  if (digit && (c.includes('x') || c.includes('×') || rest[0]?.core === 'x' || rest[0]?.core === '×')) {
    const dimension = dimensionAt(c, rest);
    if (dimension !== undefined) return dimension;
  }
  const calendar = calendarWordAt(t, rest, digit);
  if (calendar !== undefined) return calendar;
  // "3.8.2", "2.4.0-rc.1", "10.0.0.12": a release or an address, read whole (a date with dots was
  // read just above); a figure has one point at most.
  if (digit && dottedRelease.test(c)) return identifier(c);
  m = digit ? /^(\d[\d,]*(?:\.\d+)?)\s?[-–~至到]\s?(\d[\d,]*(?:\.\d+)?)$/.exec(c) : null;
  if (m !== null) {
    // A range "5-7 days" ("3至5个工作日", "24到48小时" in Chinese): both ends take the unit that
    // follows, and each must be supported.
    const high = withUnit(parseNumber(m[2] ?? '0'), c, rest, false);
    const low = withUnit(parseNumber(m[1] ?? '0'), c, rest, false);
    return { value: high.value, also: low.value, used: 1 + high.used };
  }
  const degrees = digit ? gluedTemperature(c, rest) : undefined;
  if (degrees !== undefined) {
    const text = degrees.used === 2 ? `${c} ${rest[0]?.core}` : c;
    return {
      value: { type: 'quantity', keys: temperatureKeys(degrees.scale, degrees.n), num: degrees.n, text, weak: false },
      used: degrees.used,
    };
  }
  if (digit && plainNumber.test(c)) {
    const r = withUnit(parseNumber(c), c, rest, false);
    return { value: r.value, used: 1 + r.used };
  }
  m = digit ? /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)-?([a-z]+)$/i.exec(c) : null;
  if (m !== null) {
    const unit = (m[2] ?? '').toLowerCase();
    if (/^(st|nd|rd|th)$/.test(unit))
      return { value: { type: 'number', keys: [`number:${m[1]}`], num: Number(m[1]), text: c, weak: false }, used: 1 };
    const glued = withUnit(parseNumber(m[1] ?? '0'), c, [{ core: unit, lower: unit, upper: false }], false);
    // "1909-S", "737-MAX": capitals after a hyphen that name no unit are a code's, not a count's.
    if (glued.value.type === 'number' && /-\p{Lu}+$/u.test(c)) return identifier(c);
    if (glued.value.type !== 'quantity' || unit.length > 2 || measureUnits[unit] !== undefined || countNouns[unit] !== undefined)
      return { value: { ...glued.value, text: c }, used: 1 };
  }
  // "a 12-year-old tree", "~6-week-old puppies": the age, as "12 years old" says it.
  m = digit ? /^~?(\d+(?:\.\d+)?)-(\p{L}+)-old$/iu.exec(c) : null;
  if (m !== null) {
    const unit = (m[2] ?? '').toLowerCase();
    const r = withUnit(Number(m[1]), c, [{ core: unit, lower: unit, upper: false }], false);
    if (r.value.type !== 'number') return { value: { ...r.value, text: c }, used: 1 };
  }
  // "under-5s", "over-65s": an age bound, the number it names; "pre-1850", "post-2019", "mid-2020":
  // the year it is before, after or in.
  m = digit ? /^(?:under|over|pre|post|mid)-(\d+)s?$/i.exec(c) : null;
  if (m !== null) {
    const r = withUnit(Number(m[1]), c, rest, false);
    return { value: r.value, used: 1 + r.used };
  }
  // "3×/day", "2x/week": a count of times, as "three times a day" says it; "24/7" is round the
  // clock ("24 hours a day"), no code.
  m = digit ? /^(\d+)[×x](?:\/\p{L}+)?$/u.exec(c) : null;
  if (m !== null) return { value: { type: 'quantity', keys: [`times:${m[1]}`], num: Number(m[1]), text: c, weak: false }, used: 1 };
  if (c === '24/7') return { value: { type: 'duration', keys: ['duration:86400'], num: 24, text: c, weak: true }, used: 1 };
  if (digit && /[\p{L}]/u.test(c)) {
    // "£15pp", "40p/kg", "24pp", "5-business-day": a figure written tersely (terse-value.ts).
    const terse = terseValueAt(c, (core) => valueAt([{ core, lower: core.toLowerCase(), upper: false }], 0, language)?.value);
    return terse === undefined ? identifier(c) : { value: terse, used: 1 };
  }
  // "#4821", "2026-0457", "63/418,227" (digit groups, thousands separators within them).
  if (digit && (/^#\d+$/.test(c) || /^\d+(?:[-_/]\d{1,3}(?:,\d{3})+|[-_/]\d+)+$/.test(c))) return identifier(c);
  if (!digit && hostOrPath(c)) return identifier(c);
  if (!digit) {
    // "the fourth floor" is "the 4th floor": a weak number (an ordinal before its noun, not "First, …").
    const ordinal = ordinalValue(t.lower);
    if (ordinal !== undefined && ((t.after === '' && rest[0] !== undefined) || tokens[i - 1]?.lower === 'the'))
      return { value: { type: 'number', keys: [`number:${ordinal}`], num: ordinal, text: t.core, weak: true }, used: 1 };
    // A count spelled in the answer's language ("tres años", "zwei Wochen"): without a unit weak, as
    // English words without one are (it supports the digits another answer writes and compares with
    // another count); with one, a span or an amount as "two weeks" is.
    const n = language !== undefined && isLanguageNumberWord(t.lower) ? languageNumber(t.lower, language()) : undefined;
    if (n !== undefined) {
      const r = withUnit(n, t.core, rest, true);
      return { value: r.value.type === 'number' || r.value.type === 'quantity' ? r.value : { ...r.value, weak: false }, used: 1 + r.used };
    }
  }
  return articleValue(tokens, i, t, rest);
}

/** Whether the token at `i` ends its phrase: punctuation after it, or the clause ends there. */
function closesPhrase(tokens: readonly ClauseToken[], i: number): boolean {
  return (tokens[i]?.after ?? '') !== '' || i === tokens.length - 1;
}

// A host name or a file name ("bluefinch.io", "package.json"): pieces of two characters or more
// joined by dots, the last letters only ("e.g", "a.m" and "U.S" have one-letter pieces); a path to
// a file name ("src/db/schema.ts"). Words joined by slashes ("and/or", "Settings/Privacy/Export")
// are prose or a menu's path, which answers word in many ways.
const dotted = /^[\p{L}\p{N}_~-]{2,}(?:\.[\p{L}\p{N}_~-]{2,})*\.\p{L}{2,12}$/u;
const pathLike = /^\.{0,2}\/?(?:[\p{L}\p{N}_.~-]+\/)+[\p{L}\p{N}_~-]+\.\p{L}{1,12}$/u;

// A money sign before a figure ({@link moneySigns}: "$", "€", "R$", "NZ$"…), longest first; a sign after one.
const signSource = Object.keys(moneySigns)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/\$/g, '\\$'))
  .join('|');
// "/night", "/court/hr": what a price is per, one thing or more.
const perSource = String.raw`(?:\/\p{L}+)*`;
const signedFigure = new RegExp(`^(${signSource})(${figureSource})(k|m|bn)?${perSource}$`, 'iu');
const signAfter = new RegExp(`^(${figureSource})([$€£¥₹₩])${perSource}$`, 'u');
/**
 * The low end of a money range: its own scale when it has one ("$5k-20k"), else the high end's when
 * that keeps it below the high end ("$5-20k" is 5 000 to 20 000), else none ("$500-2k").
 */
function rangeLowEnd(figure: number, ownScale: string | undefined, highScale: number, high: number): number {
  if (ownScale !== undefined) return figure * scaleOf(ownScale);
  return figure * highScale <= high ? figure * highScale : figure;
}

const signedRange = new RegExp(
  `^(${signSource})(${figureSource})(k|m|bn)?[-–](${signSource})?(${figureSource})(k|m|bn)?${perSource}$`,
  'iu',
);

/** The factor a scale letter after a figure stands for ("k", "m", "bn"), 1 without one. */
function scaleOf(letter: string | undefined): number {
  return { k: 1e3, m: 1e6, bn: 1e9 }[(letter ?? '').toLowerCase() as 'k' | 'm' | 'bn'] ?? 1;
}

const dottedRelease = /^v?\d+(?:\.\d+){2,}(?:[-+][\p{L}\p{N}.-]+)?$/u;

/**
 * Whether a word with no digit is a host name, a file name or a path ({@link dotted}, {@link pathLike});
 * by word (memo-by-text.ts): its two Unicode patterns cost more than a look-up, and an answer's dotted
 * words ("e.g", "U.S", a file name) recur in every answer compared with it.
 */
const hostOrPath = (c: string): boolean => c.includes('.') && dottedHostOrPath(c);
const dottedHostOrPath = memoByText((c) => dotted.test(c) || pathLike.test(c));

// "EN1078+" is "EN1078 or newer": the code it names is one of its keys.
function identifier(c: string): { value: FactValue; used: number } {
  const key = `id:${c.toLowerCase().replace(/^#/, '')}`;
  const keys = key.endsWith('+') && key.length > 4 ? [key, key.slice(0, -1)] : [key, ...splitShareKeys(c)];
  return { value: { type: 'identifier', keys, text: c, weak: false }, used: 1 };
}

/**
 * Typed values (money, dates, times, durations, quantities, ids, e-mails, URLs, phones) of a
 * clause's tokens, in order; `consumed` receives the indices of the tokens they span. Given the
 * tokens' word table, which words can start no value is remembered per word.
 */
export function extractValues(
  tokens: readonly ClauseToken[],
  consumed?: Set<number>,
  words?: WordIds,
  language?: AnswerLanguage,
): FactValue[] {
  const out: FactValue[] = [];
  const memo = words?.memo(memoSlots.mayHoldValue);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t === undefined || !mayHoldValueMemo(t, memo)) {
      i++;
      continue;
    }
    const found = valueAt(tokens, i, language);
    if (found === undefined) {
      i++;
      continue;
    }
    // "about 38,000", "roughly $14,000", "~45 min": the figure is said to be rounded.
    out.push(hedged(tokens, i) ? { ...found.value, approximate: true } : found.value);
    if (found.also !== undefined) out.push(found.also);
    let end = i + Math.max(1, found.used);
    // "9 a.m. ET", "weekdays 9–6 ET.": the zone the time is given in (after a bare number only where the
    // zone closes the phrase: "3 PT sessions" counts physical therapy).
    const zone =
      found.value.type === 'time' || (found.value.type === 'number' && closesPhrase(tokens, end)) ? zoneAt(tokens, end) : undefined;
    if (zone !== undefined) {
      out.push(zone.value);
      end += zone.used;
    }
    for (; i < end; i++) consumed?.add(i);
  }
  return out;
}

/**
 * A phone number's key: its last ten digits, the national number with its area code (a country code
 * or a trunk prefix's 0 before them is how it is dialled, not which line); a local number of fewer
 * digits, all of them. Another area code is another number.
 */
function phoneKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  return `phone:${digits.length > 10 ? digits.slice(-10) : digits}`;
}
