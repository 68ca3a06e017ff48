import type { FactValue } from './fact-value.js';
import { isNumberWord, numberWordsValue } from './number-words.js';
import type { ClauseToken } from './split-clauses.js';

// Script-independent: digits, currency symbols, ISO dates, codes, e-mail addresses, URLs and
// phone numbers read the same in any language. English only: number words, unit words,
// month and weekday names.
const currencySymbols: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };
const currencyWords: Readonly<Record<string, string>> = {
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  jpy: 'JPY',
  yen: 'JPY',
  chf: 'CHF',
  francs: 'CHF',
  inr: 'INR',
  rupees: 'INR',
  cad: 'CAD',
  aud: 'AUD',
};
const secondsPer: Readonly<Record<string, number>> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  mins: 60,
  hour: 3600,
  hr: 3600,
  hrs: 3600,
  h: 3600,
  day: 86400,
  night: 86400,
  week: 604800,
  wk: 604800,
  fortnight: 1209600,
  month: 2592000,
  year: 31536000,
  yr: 31536000,
};
// Units of measure, by every spelling, to one symbol: "50GB", "50 GB" and "50 gigabytes" are one value.
const measureUnits: Readonly<Record<string, string>> = {
  kb: 'kb',
  kilobyte: 'kb',
  mb: 'mb',
  megabyte: 'mb',
  gb: 'gb',
  gigabyte: 'gb',
  tb: 'tb',
  terabyte: 'tb',
  kbps: 'kbps',
  mbps: 'mbps',
  gbps: 'gbps',
  mg: 'mg',
  milligram: 'mg',
  kg: 'kg',
  kilogram: 'kg',
  kilo: 'kg',
  lb: 'lb',
  lbs: 'lb',
  oz: 'oz',
  ounce: 'oz',
  ml: 'ml',
  milliliter: 'ml',
  millilitre: 'ml',
  liter: 'l',
  litre: 'l',
  km: 'km',
  kilometer: 'km',
  kilometre: 'km',
  mi: 'mi',
  mile: 'mi',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  cm: 'cm',
  centimeter: 'cm',
  centimetre: 'cm',
  mm: 'mm',
  millimeter: 'mm',
  millimetre: 'mm',
  kwh: 'kwh',
  mph: 'mph',
  kph: 'kph',
  sqft: 'sqft',
};
// Scale words after a number: "$2.5 million", "3k users", "1.2bn".
const scaleWords: Readonly<Record<string, number>> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };
// How often: "twice a day" is "2 times a day".
const frequencyWords: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
const frequencyNext = new Set(['a', 'an', 'per', 'every', 'each', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'hourly']);

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const relativeDays = new Set(['today', 'tomorrow', 'yesterday', 'tonight']);
// Words after a number that are not what it counts ("3 of them", "5 to 7").
const notUnits = new Set([
  'to',
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'per',
  'by',
  'with',
  'from',
  'is',
  'are',
  'was',
  'more',
  'less',
  'times',
  'x',
]);

function stem(word: string): string {
  if (word.endsWith("'s") || word.endsWith('’s')) return stem(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function monthIndex(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return -1;
  const i = months.indexOf(w.slice(0, 3) as (typeof months)[number]);
  if (i === -1) return -1;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][
    i
  ];
  return full !== undefined && (w === full || w === months[i] || (w.length >= 3 && full.startsWith(w.replace(/\.$/, '')))) ? i : -1;
}

function weekdayIndex(word: string): number {
  const w = stem(word.toLowerCase());
  const i = weekdays.indexOf(w.slice(0, 3) as (typeof weekdays)[number]);
  return i !== -1 && /^(mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w) ? i : -1;
}

const pad = (n: number): string => String(n).padStart(2, '0');
// "18+" (at least 18) states the number 18.
const plainNumber = /^\d[\d,]*(?:\.\d+)?\+?$/;
const dayOrdinal = /^(\d{1,2})(?:st|nd|rd|th)?$/i;

function parseNumber(s: string): number {
  return Number(s.replace(/[,+]/g, ''));
}

function time(hour: number, minute: number, meridiem: string | undefined, text: string): FactValue | undefined {
  let h = hour;
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm' && h < 12) h += 12;
  if (m === 'am' && h === 12) h = 0;
  if (h > 23 || minute > 59) return undefined;
  return { type: 'time', keys: [`time:${pad(h)}:${pad(minute)}`], num: h % 12 === 0 ? 12 : h % 12, text, weak: false };
}

/** A number and what follows it: a unit, currency, percent or meridiem turns it into a typed value. */
function withUnit(n: number, text: string, next: readonly ClauseToken[], weak: boolean): { value: FactValue; used: number } {
  const w0 = next[0]?.lower ?? '';
  const w1 = next[1]?.lower ?? '';
  const scale = scaleWords[w0];
  if (scale !== undefined) {
    const r = withUnit(n * scale, `${text} ${next[0]?.core}`, next.slice(1), false);
    return { value: r.value, used: r.used + 1 };
  }
  if (w0 === 'times' || w0 === 'time')
    return { value: { type: 'quantity', keys: [`times:${n}`], num: n, text: `${text} ${w0}`, weak: false }, used: 1 };
  const measure = measureUnits[stem(w0)];
  if (measure !== undefined)
    return {
      value: { type: 'quantity', keys: [`quantity:${measure}:${n}`], num: n, text: `${text} ${next[0]?.core}`, weak: false },
      used: 1,
    };
  const cur = currencyWords[w0];
  if (cur !== undefined)
    return { value: { type: 'money', keys: [`money:${cur}:${n}`], num: n, text: `${text} ${next[0]?.core}`, weak: false }, used: 1 };
  if (w0 === 'cents' || w0 === 'cent')
    return { value: { type: 'money', keys: [`money:USD:${n / 100}`], num: n, text: `${text} ${w0}`, weak: false }, used: 1 };
  if (w0 === 'percent' || w0 === '%' || (w0 === 'per' && w1 === 'cent'))
    return {
      value: { type: 'percent', keys: [`percent:${n}`], num: n, text: `${text} ${w0 === 'per' ? 'per cent' : w0}`, weak: false },
      used: w0 === 'per' ? 2 : 1,
    };
  if (/^(a\.?m\.?|p\.?m\.?)$/.test(w0) && n <= 12) {
    const t = time(n, 0, w0, `${text} ${next[0]?.core}`);
    if (t !== undefined) return { value: t, used: 1 };
  }
  // "5 business days", "three working days": the qualifier does not change the unit.
  const skip = w0 === 'business' || w0 === 'working' || w0 === 'calendar' || w0 === 'full' ? 1 : 0;
  const unitWord = stem(next[skip]?.lower ?? '');
  const per = secondsPer[unitWord];
  if (per !== undefined && unitWord.length > 1) {
    const unitText = next
      .slice(0, skip + 1)
      .map((t) => t.core)
      .join(' ');
    return { value: { type: 'duration', keys: [`duration:${n * per}`], num: n, text: `${text} ${unitText}`, weak }, used: skip + 1 };
  }
  const noun = next[0];
  // What a number counts is a common noun ("3 nights"), not a name ("Node 22 (Drizzle…").
  const unitLike = noun !== undefined && (!noun.upper || /^\p{Lu}{1,3}$/u.test(noun.core)) && noun.quoted !== true;
  if (noun !== undefined && unitLike && /^\p{L}{2,}$/u.test(noun.core) && !notUnits.has(noun.lower) && !isNumberWord(noun.lower)) {
    return {
      value: { type: 'quantity', keys: [`quantity:${stem(noun.lower)}:${n}`], num: n, text: `${text} ${noun.core}`, weak },
      used: 1,
    };
  }
  return { value: { type: 'number', keys: [`number:${n}`], num: n, text, weak }, used: 0 };
}

/** Reads one value starting at token `i`; returns it and how many tokens it spans. */
function valueAt(tokens: readonly ClauseToken[], i: number): { value: FactValue; also?: FactValue; used: number } | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  const c = t.core;
  const rest = tokens.slice(i + 1, i + 4);
  // "a"/"an" (the commonest candidates) can only start a spelled number or "a week": none of the
  // patterns below matches them, so go straight to those two rules.
  if (t.lower === 'a' || t.lower === 'an') return articleValue(tokens, i, t, rest);
  if (/^(https?:\/\/|www\.)\S+/i.test(c))
    return { value: { type: 'url', keys: [`url:${c.toLowerCase().replace(/\/+$/, '')}`], text: c, weak: false }, used: 1 };
  if (/^[^\s@]+@[^\s@]+\.\p{L}{2,}$/u.test(c))
    return { value: { type: 'email', keys: [`email:${c.toLowerCase()}`], text: c, weak: false }, used: 1 };
  // Most words that get here have no digit (may, March, one…): the patterns that need one are skipped.
  const digit = hasDigit(c);
  let m = digit ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(c) : null;
  if (m !== null) {
    const keys = [`date:${m[1]}-${m[2]}-${m[3]}`, `date:${m[2]}-${m[3]}`];
    return { value: { type: 'date', keys, text: c, weak: false }, used: 1 };
  }
  m = digit ? /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(c) : null;
  if (m !== null) {
    // Month first (US) unless the first part cannot be a month.
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = a > 12 ? [b, a] : [a, b];
    return { value: { type: 'date', keys: [`date:${pad(mo)}-${pad(d)}`], text: c, weak: false }, used: 1 };
  }
  m = digit ? (/^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.?|p\.m\.?)$/i.exec(c) ?? /^(\d{1,2}):(\d{2})$/.exec(c)) : null;
  if (m !== null) {
    const meridiem = m[3] ?? (/^(a\.?m\.?|p\.?m\.?)$/i.test(rest[0]?.core ?? '') ? rest[0]?.core : undefined);
    const v = time(Number(m[1]), Number(m[2] ?? 0), meridiem, meridiem !== undefined && m[3] === undefined ? `${c} ${meridiem}` : c);
    if (v !== undefined) return { value: v, used: meridiem !== undefined && m[3] === undefined ? 2 : 1 };
  }
  if (c === 'noon' || c === 'midnight') return undefined;
  // "$35", "$1.2k", "$210/night".
  m = digit ? /^([$€£¥₹₩])(\d[\d,]*(?:\.\d+)?)(k|m|bn)?(?:\/\p{L}+)?$/iu.exec(c) : null;
  if (m !== null) {
    let scale = { k: 1e3, m: 1e6, bn: 1e9 }[(m[3] ?? '').toLowerCase() as 'k' | 'm' | 'bn'] ?? 1;
    // "$2.5 million"
    const word = m[3] === undefined && !/\/\p{L}/u.test(c) ? scaleWords[rest[0]?.lower ?? ''] : undefined;
    if (word !== undefined) scale = word;
    const n = parseNumber(m[2] ?? '0') * scale;
    return {
      value: {
        type: 'money',
        keys: [`money:${currencySymbols[m[1] ?? '$']}:${n}`],
        num: n,
        text: word ? `${c} ${rest[0]?.core}` : c,
        weak: false,
      },
      used: word ? 2 : 1,
    };
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
  m = digit ? /^(\d+(?:\.\d+)?)%$/.exec(c) : null;
  if (m !== null) return { value: { type: 'percent', keys: [`percent:${m[1]}`], num: Number(m[1]), text: c, weak: false }, used: 1 };
  if (digit && (/^\+\d[\d\s().-]{6,}\d$/.test(c) || /^\(?\d{3}\)?[-.]?\d{3}[-.]\d{4}$/.test(c) || /^\d{3}-\d{4}$/.test(c))) {
    const digits = c.replace(/\D/g, '');
    return { value: { type: 'phone', keys: [`phone:${digits.slice(-7)}`], text: c, weak: false }, used: 1 };
  }
  if (digit && /^(?:\+\d{1,3}|\(\d{2,4}\))$/.test(c)) {
    // "+1 415 555 0100", "(020) 7946 0958": digit groups after a country or area code.
    let j = i + 1;
    let text = c;
    while (j < tokens.length && j - i < 6 && /^\(?\d{2,4}\)?(?:-\d{2,4})?$/.test(tokens[j]?.core ?? '')) text += ` ${tokens[j++]?.core}`;
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 8) return { value: { type: 'phone', keys: [`phone:${digits.slice(-7)}`], text, weak: false }, used: j - i };
  }
  const mi = monthIndex(c);
  if (mi !== -1 && (c !== 'may' || t.upper)) {
    const day = dayOrdinal.exec(rest[0]?.core ?? '');
    if (day !== null && Number(day[1]) <= 31) {
      return {
        value: { type: 'date', keys: [`date:${pad(mi + 1)}-${pad(Number(day[1]))}`], text: `${c} ${rest[0]?.core}`, weak: false },
        used: 2,
      };
    }
    if (t.upper || c.length > 3) return { value: { type: 'date', keys: [`month:${mi + 1}`], text: c, weak: false }, used: 1 };
  }
  const dayFirst = digit ? dayOrdinal.exec(c) : null;
  if (dayFirst !== null && Number(dayFirst[1]) <= 31) {
    const of = rest[0]?.lower === 'of' ? 1 : 0;
    const mo = monthIndex(rest[of]?.core ?? '');
    if (mo !== -1) {
      return {
        value: { type: 'date', keys: [`date:${pad(mo + 1)}-${pad(Number(dayFirst[1]))}`], text: `${c} ${rest[of]?.core}`, weak: false },
        used: 2 + of,
      };
    }
  }
  const wd = weekdayIndex(c);
  if (wd !== -1) return { value: { type: 'weekday', keys: [`weekday:${wd}`], text: c, weak: false }, used: 1 };
  if (t.lower === 'weekdays' || t.lower === 'weekday' || t.lower === 'weekends' || t.lower === 'weekend') {
    const days = t.lower.startsWith('weekday') ? [0, 1, 2, 3, 4] : [5, 6];
    return { value: { type: 'weekday', keys: days.map((d) => `weekday:${d}`), text: c, weak: true }, used: 1 };
  }
  if (relativeDays.has(t.lower)) return { value: { type: 'date', keys: [`relative:${t.lower}`], text: c, weak: false }, used: 1 };
  m = digit ? /^(\d[\d,]*(?:\.\d+)?)\s?[-–]\s?(\d[\d,]*(?:\.\d+)?)$/.exec(c) : null;
  if (m !== null) {
    // A range "5-7 days": both ends take the unit that follows, and each must be supported.
    const high = withUnit(parseNumber(m[2] ?? '0'), c, rest, false);
    const low = withUnit(parseNumber(m[1] ?? '0'), c, rest, false);
    return { value: high.value, also: low.value, used: 1 + high.used };
  }
  if (digit && plainNumber.test(c)) {
    const r = withUnit(parseNumber(c), c, rest, false);
    return { value: r.value, used: 1 + r.used };
  }
  m = digit ? /^(\d+(?:\.\d+)?)-?([a-z]+)$/i.exec(c) : null;
  if (m !== null) {
    const unit = (m[2] ?? '').toLowerCase();
    if (/^(st|nd|rd|th)$/.test(unit))
      return { value: { type: 'number', keys: [`number:${m[1]}`], num: Number(m[1]), text: c, weak: false }, used: 1 };
    const glued = withUnit(Number(m[1]), c, [{ core: unit, lower: unit, upper: false }], false);
    if (glued.value.type !== 'quantity' || unit.length > 2 || measureUnits[unit] !== undefined)
      return { value: { ...glued.value, text: c }, used: 1 };
  }
  if (digit && /[\p{L}]/u.test(c)) return identifier(c);
  if (digit && (/^#\d+$/.test(c) || /^\d+(?:[-_/]\d+)+$/.test(c))) return identifier(c);
  return articleValue(tokens, i, t, rest);
}

/** The last rules of {@link valueAt}: spelled-out numbers ("thirty days", "a hundred") and "a week". */
function articleValue(
  tokens: readonly ClauseToken[],
  i: number,
  t: ClauseToken,
  rest: readonly ClauseToken[],
): { value: FactValue; also?: FactValue; used: number } | undefined {
  const often = frequencyWords[t.lower];
  if (often !== undefined) {
    // "once" is a count only where it says how often ("once a day", "only once"), not "once you pay".
    const prev = tokens[i - 1]?.lower;
    const counts =
      t.lower !== 'once' ||
      frequencyNext.has(rest[0]?.lower ?? '') ||
      (i > 0 && rest[0] === undefined) ||
      prev === 'only' ||
      prev === 'just' ||
      prev === 'exactly';
    if (counts) return { value: { type: 'quantity', keys: [`times:${often}`], num: often, text: t.core, weak: false }, used: 1 };
  }
  if (isNumberWord(t.lower) || ((t.lower === 'a' || t.lower === 'an') && isNumberWord(rest[0]?.lower ?? '__'))) {
    let j = i;
    const words: string[] = [];
    while (
      j < tokens.length &&
      (isNumberWord(tokens[j]?.lower ?? '') ||
        (j === i && (t.lower === 'a' || t.lower === 'an')) ||
        (tokens[j]?.lower === 'and' && isNumberWord(tokens[j + 1]?.lower ?? '')))
    ) {
      words.push(tokens[j]?.lower ?? '');
      j++;
    }
    const n = numberWordsValue(words);
    if (n !== undefined) {
      const r = withUnit(n, words.join(' '), tokens.slice(j, j + 3), true);
      // A spelled number with a unit ("thirty days") is as firm as digits; "one of them" is not a claim.
      return {
        value: r.value.type === 'number' || r.value.type === 'quantity' ? r.value : { ...r.value, weak: false },
        used: j - i + r.used,
      };
    }
  }
  if ((t.lower === 'a' || t.lower === 'an') && secondsPer[stem(rest[0]?.lower ?? '')] !== undefined) {
    const r = withUnit(1, t.core, rest, true);
    return { value: r.value, used: 1 + r.used };
  }
  return undefined;
}

/** Whether a word holds an ASCII digit (what `\d` matches). */
function hasDigit(c: string): boolean {
  for (let k = 0; k < c.length; k++) {
    const code = c.charCodeAt(k);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function identifier(c: string): { value: FactValue; used: number } {
  return { value: { type: 'identifier', keys: [`id:${c.toLowerCase().replace(/^#/, '')}`], text: c, weak: false }, used: 1 };
}

// Words a token must contain for {@link valueAt} to find anything: a digit, a currency sign,
// `@`, `#`, `www`/`http`, or an English value word. The rest are skipped cheaply.
const valueWords = new Set([...relativeDays, 'a', 'an', 'weekday', 'weekdays', 'weekend', 'weekends', 'once', 'twice', 'thrice']);

// Every lower-case word that can start a value: number words, months, weekdays, relative days.
const startWords = new Set([
  ...valueWords,
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
  'usd',
  'eur',
  'gbp',
  'chf',
  'jpy',
  'cad',
  'aud',
  'inr',
]);

function mayHoldValue(t: ClauseToken): boolean {
  const c = t.core;
  for (let k = 0; k < c.length; k++) {
    const code = c.charCodeAt(k);
    if ((code >= 48 && code <= 57) || code === 36 || code === 64 || code === 35 || code > 0x20a0) return true;
  }
  if (c.startsWith('www') || c.startsWith('http')) return true;
  return startWords.has(t.lower) || isNumberWord(t.lower);
}

/**
 * Typed values (money, dates, times, durations, quantities, ids, e-mails, URLs, phones) of a
 * clause's tokens, in order; `consumed` receives the indices of the tokens they span.
 */
export function extractValues(tokens: readonly ClauseToken[], consumed?: Set<number>): FactValue[] {
  const out: FactValue[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t === undefined || !mayHoldValue(t)) {
      i++;
      continue;
    }
    const found = valueAt(tokens, i);
    if (found === undefined) {
      i++;
      continue;
    }
    out.push(found.value);
    if (found.also !== undefined) out.push(found.also);
    const end = i + Math.max(1, found.used);
    for (; i < end; i++) consumed?.add(i);
  }
  return out;
}

/** Month and weekday names: capitalized by spelling, not because they are names. */
export function isCalendarWord(word: string): boolean {
  return monthIndex(word) !== -1 || weekdayIndex(word) !== -1;
}
