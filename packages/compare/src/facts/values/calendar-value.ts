import { singular } from '../../text/word-forms.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from './fact-value.js';
import { otherLanguageWeekday } from './weekday-names.js';

// Dates, times and weekdays. ISO dates and clock times read the same in any language; month names
// and relative days are English; weekday names English and those of weekday-names.ts.
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** "today", "tomorrow"…: dates relative to the answer. */
export const relativeDays: ReadonlySet<string> = new Set(['today', 'tomorrow', 'yesterday', 'tonight']);

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

// Abbreviations ("Tue", "Thurs"), read as weekdays only when capitalized ("we sat in the sun").
const weekdayShort = /^(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)$/;

function weekdayIndex(word: string): number {
  const other = otherLanguageWeekday(word.toLowerCase());
  if (other !== -1) return other;
  const w = singular(word.toLowerCase());
  const i = weekdays.indexOf(w.slice(0, 3) as (typeof weekdays)[number]);
  if (i === -1) return -1;
  if (/^(mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w)) return i;
  const first = word.charCodeAt(0);
  return first >= 65 && first <= 90 && weekdayShort.test(word.toLowerCase()) ? i : -1;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOrdinal = /^(\d{1,2})(?:st|nd|rd|th)?$/i;

/** A time of day from its parts ("3", "30", "pm"), or undefined when it is no valid time. */
export function clockTime(hour: number, minute: number, meridiem: string | undefined, text: string): FactValue | undefined {
  let h = hour;
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm' && h < 12) h += 12;
  if (m === 'am' && h === 12) h = 0;
  if (h > 23 || minute > 59) return undefined;
  return { type: 'time', keys: [`time:${pad(h)}:${pad(minute)}`], num: h % 12 === 0 ? 12 : h % 12, text, weak: false };
}

type Found = { value: FactValue; also?: FactValue; used: number };

// Noon and midnight as clock times, and a meridiem written apart from its hour ("8 a.m.").
const noonWords: Readonly<Record<string, number>> = { noon: 12, midday: 12, midnight: 0 };
const meridiemWord = /^(a\.?m\.?|p\.?m\.?)$/i;

function hasDash(s: string): boolean {
  return s.includes('-') || s.includes('–');
}

/**
 * A range of clock times with noon or midnight at one end, glued by a dash ("9am-noon", "noon-2pm",
 * "8 a.m.-noon" where the hour stands apart): both ends are values, as "from 9 am to noon" says them.
 */
function noonRange(c: string, rest: readonly ClauseToken[]): Found | undefined {
  // Most tokens with a digit have no dash here, nor has the word after them: two character scans.
  if (!hasDash(c) && !hasDash(rest[0]?.core ?? '')) return undefined;
  const apart = /^\d{1,2}(?::\d{2})?$/.test(c) ? /^(.+)[-–](noon|midday|midnight)$/i.exec(rest[0]?.core ?? '') : null;
  if (apart !== null && meridiemWord.test(apart[1] ?? '')) {
    const [h, m] = c.split(':');
    const from = clockTime(Number(h), Number(m ?? 0), apart[1], `${c} ${apart[1]}`);
    const to = clockTime(noonWords[(apart[2] ?? '').toLowerCase()] ?? 12, 0, undefined, apart[2] ?? '');
    return from === undefined || to === undefined ? undefined : { value: from, also: to, used: 2 };
  }
  const glued = /^(.+)[-–](noon|midday|midnight)$/i.exec(c) ?? /^(noon|midday|midnight)[-–](.+)$/i.exec(c);
  if (glued === null) return undefined;
  const [word, other] = noonWords[(glued[1] ?? '').toLowerCase()] !== undefined ? [glued[1], glued[2]] : [glued[2], glued[1]];
  const end = dateOrTimeAt(other ?? '', []);
  const noon = clockTime(noonWords[(word ?? '').toLowerCase()] ?? 12, 0, undefined, word ?? '');
  return end === undefined || end.value.type !== 'time' || noon === undefined ? undefined : { value: end.value, also: noon, used: 1 };
}

/**
 * A clock time written without am/pm and without a leading zero ("from 6:30 to 8:00" in the evening):
 * either half of the day, so it matches "8:00 p.m." as well as "8 a.m.". "08:00" and "20:00" are a
 * 24-hour clock's, and "12:30" is noon's.
 */
function eitherHalf(v: FactValue, c: string): FactValue {
  const m = /^([1-9]|1[01]):(\d{2})$/.exec(c);
  return m === null ? v : { ...v, keys: [...v.keys, `time:${pad(Number(m[1]) + 12)}:${m[2]}`] };
}

/** ISO dates ("2026-03-14"), slashed dates ("3/14/2026"), dotted dates ("14.03.2026") and clock times ("3:30pm", "15:30", "3 p.m.") at a token holding a digit. */
export function dateOrTimeAt(c: string, rest: readonly ClauseToken[]): Found | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(c);
  if (m !== null) {
    const keys = [`date:${m[1]}-${m[2]}-${m[3]}`, `date:${m[2]}-${m[3]}`];
    return { value: { type: 'date', keys, text: c, weak: false }, used: 1 };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(c);
  if (m !== null) {
    // Month first (US) unless the first part cannot be a month.
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = a > 12 ? [b, a] : [a, b];
    return { value: { type: 'date', keys: [`date:${pad(mo)}-${pad(d)}`], text: c, weak: false }, used: 1 };
  }
  // "03.12.2026": day first, as every language that writes dates with dots does; a four-digit year
  // keeps a release number ("1.2.10") out.
  m = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})$/.exec(c);
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1 && Number(m[1]) <= 31) {
    const [d, mo] = [pad(Number(m[1])), pad(Number(m[2]))];
    return { value: { type: 'date', keys: [`date:${m[3]}-${mo}-${d}`, `date:${mo}-${d}`], text: c, weak: false }, used: 1 };
  }
  m = /^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.?|p\.m\.?)$/i.exec(c) ?? /^(\d{1,2}):(\d{2})$/.exec(c);
  if (m !== null) {
    const meridiem = m[3] ?? (/^(a\.?m\.?|p\.?m\.?)$/i.test(rest[0]?.core ?? '') ? rest[0]?.core : undefined);
    const v = clockTime(Number(m[1]), Number(m[2] ?? 0), meridiem, meridiem !== undefined && m[3] === undefined ? `${c} ${meridiem}` : c);
    if (v !== undefined)
      return { value: meridiem === undefined ? eitherHalf(v, c) : v, used: meridiem !== undefined && m[3] === undefined ? 2 : 1 };
  }
  return noonRange(c, rest);
}

/** Month names with or without a day ("March 14", "14th of March", "March"), weekdays, "weekends" and relative days. */
export function calendarWordAt(t: ClauseToken, rest: readonly ClauseToken[], digit: boolean): Found | undefined {
  const c = t.core;
  const mi = monthIndex(c);
  if (mi !== -1 && (c !== 'may' || t.upper)) {
    // "October, 9 to 5": a comma after the month ends the date; the number is another value.
    const after = t.after ?? '';
    const day = after.includes(',') || after.includes(';') ? null : dayOrdinal.exec(rest[0]?.core ?? '');
    if (day !== null && Number(day[1]) <= 31) {
      return {
        value: { type: 'date', keys: [`date:${pad(mi + 1)}-${pad(Number(day[1]))}`], text: `${c} ${rest[0]?.core}`, weak: false },
        used: 2,
      };
    }
    // A month alone: "March", "Mar"; not an acronym in capitals ("APR", "MAR", "DEC"), a month only
    // with its day ("APR 5", "5 APR").
    if ((t.upper || c.length > 3) && !/^\p{Lu}{3}$/u.test(c))
      return { value: { type: 'date', keys: [`month:${mi + 1}`], text: c, weak: false }, used: 1 };
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
  // Another language's weekday is weak: compared where its clause is, never a new claim by itself
  // (its "working days" and "weekend" words, which restate a range, are not read).
  if (wd !== -1)
    return { value: { type: 'weekday', keys: [`weekday:${wd}`], text: c, weak: otherLanguageWeekday(c.toLowerCase()) !== -1 }, used: 1 };
  if (t.lower === 'weekdays' || t.lower === 'weekday' || t.lower === 'weekends' || t.lower === 'weekend') {
    const days = t.lower.startsWith('weekday') ? [0, 1, 2, 3, 4] : [5, 6];
    return { value: { type: 'weekday', keys: days.map((d) => `weekday:${d}`), text: c, weak: true }, used: 1 };
  }
  if (relativeDays.has(t.lower)) return { value: { type: 'date', keys: [`relative:${t.lower}`], text: c, weak: false }, used: 1 };
  return undefined;
}

/** Month and weekday names: capitalized by spelling, not because they are names. */
export function isCalendarWord(word: string): boolean {
  return monthIndex(word) !== -1 || weekdayIndex(word) !== -1;
}

// A dash between two times, two weekdays or two months is "to": "9 am–6 pm", "9am-6pm", "9:00-17:30",
// "Monday-Friday". Read as one word, "am–6" would be an identifier and "Monday-Friday" a name.
const timeRange = /(\b\d{1,2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)\s?[-–—]\s?(?=\d{1,2}(?::\d{2})?\s?[ap]\.?m\b)/gi;
const clockRange = /(\b\d{1,2}:\d{2})\s?[-–—]\s?(?=\d{1,2}:\d{2}\b)/g;
const weekdayRange = /(\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s?[-–—]\s?(?=(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/gi;

// "Dec 20–Jan 3", "20 Dec–3 Jan": a day, a dash, then a month name (a dash glued the day to the month).
const dateRange = /(\b\d{1,2}(?:st|nd|rd|th)?)\s?[-–—]\s?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)/gi;

// "Oct–Mar", "October-March": two month names (read as one name when glued by the dash).
const monthWord =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const monthRange = new RegExp(`(\\b${monthWord}\\.?)\\s?[-–—]\\s?(?=${monthWord}\\b)`, 'gi');

const anyRange = new RegExp(
  `${timeRange.source}|${clockRange.source}|${weekdayRange.source}|${dateRange.source}|${monthRange.source}`,
  'i',
);

// Days of one month said once for both ends: "4-9 May", "from 4 to 9 May", "between 4 and 9 May",
// "May 4-9", "May 4 to 9". Each end is a date, as "4 May to 9 May" says them. The month is matched
// by its spelling ("May" only capitalized: "may" is the verb); the second day of "May 4 to 9" is no
// time, count or figure ("May 4 to 9 pm", "May 4 to 9.5").
const monthName =
  '(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ept?(?:ember)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\\.?';
const joiner = '(\\s?[-–—]\\s?|\\s+(?:to|and|until|till|through|thru)\\s+)';
const daysBeforeMonth = new RegExp(`(?<![\\d.,:/$€£¥])\\b(\\d{1,2})${joiner}(\\d{1,2})\\s+(${monthName})(?![\\p{L}])`, 'gu');
const daysAfterMonth = new RegExp(
  `\\b(${monthName})\\s+(\\d{1,2})${joiner}(\\d{1,2})\\b(?![.,:]\\d|\\s*(?:[ap]\\.?m\\b|%|o'clock|h\\b|hours?\\b|hrs?\\b|min))`,
  'gu',
);
const anyMonth = new RegExp(`\\d\\s*${monthName}|${monthName}\\s+\\d`, 'u');

/**
 * `text` with the dash of each range of times, weekdays or dates written as " to ", and each range of
 * days of one month with the month at both ends (what the value rules read).
 */
export function spellRanges(text: string): string {
  // Most answers have no such range: a scan for a dash between word characters, then one test, before any copy.
  const dashed =
    mayHoldRange(text) && anyRange.test(text)
      ? text
          .replace(timeRange, '$1 to ')
          .replace(clockRange, '$1 to ')
          .replace(weekdayRange, '$1 to ')
          .replace(dateRange, '$1 to ')
          .replace(monthRange, '$1 to ')
      : text;
  if (!anyMonth.test(dashed)) return dashed;
  return dashed
    .replace(daysBeforeMonth, (_, a: string, j: string, b: string, m: string) => `${a} ${m}${spelledJoin(j)}${b} ${m}`)
    .replace(daysAfterMonth, (_, m: string, a: string, j: string, b: string) => `${m} ${a}${spelledJoin(j)}${m} ${b}`);
}

/** A dash between two days is "to"; a word joining them stays. */
function spelledJoin(j: string): string {
  return /[-–—]/.test(j) ? ' to ' : j;
}

/** Whether a dash stands between a digit, "m" or "." (am/pm) or a letter and, one space at most after it, a digit or a letter. */
function mayHoldRange(text: string): boolean {
  for (let i = 1; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 0x2013 && c !== 0x2014) continue;
    const before = text.charCodeAt(text.charCodeAt(i - 1) === 32 ? i - 2 : i - 1);
    const after = text.charCodeAt(text.charCodeAt(i + 1) === 32 ? i + 2 : i + 1);
    if (isWordChar(before) && isWordChar(after)) return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}
