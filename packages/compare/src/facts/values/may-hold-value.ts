import { isAscii } from '../../text/word-forms.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { relativeDays } from './calendar-value.js';
import { isLanguageNumberWord } from './language-numbers.js';
import { isNumberWord, ordinalValue } from './number-words.js';
import { otherLanguageWeekday } from './weekday-names.js';

// Which tokens can start a value (extract-values.ts asks before trying its patterns): most words
// of an answer start none, and are skipped by a look-up remembered per word.

// Words a token must contain for {@link valueAt} to find anything: a digit, a currency sign,
// `@`, `#`, `www`/`http`, or an English value word. The rest are skipped cheaply.
const valueWords = new Set([
  ...relativeDays,
  'a',
  'an',
  'weekday',
  'weekdays',
  'weekend',
  'weekends',
  'once',
  'twice',
  'thrice',
  'noon',
  'midday',
  'midnight',
  'half',
  'half-hour',
  'half-day',
]);

// Every lower-case word that can start a value: number words, months, weekdays, relative days (and
// weekdays of other languages: weekday-names.ts).
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
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'usd',
  'eur',
  'gbp',
  'chf',
  'jpy',
  'cad',
  'aud',
  'inr',
]);

/**
 * {@link mayHoldValue}, from `memo` (per word id of the tokens' table) for a token written in
 * lower case (its answer is a function of its lower-case form then).
 */
export function mayHoldValueMemo(t: ClauseToken, memo: (number | undefined)[] | undefined): boolean {
  if (memo === undefined || t.id === undefined) return mayHoldValue(t);
  // Written otherwise ("March", "Sure"): an ASCII word holds a value only where its lower-case
  // form does (case changes no digit, sign or dot; "www"/"http" opening the word open its lower
  // case), so a lower case known to hold none answers for it.
  if (t.core !== t.lower) return memo[t.id] === 0 && isAscii(t.core) ? false : mayHoldValue(t);
  let may = memo[t.id];
  if (may === undefined) {
    may = mayHoldValue(t) ? 1 : 0;
    memo[t.id] = may;
  }
  return may === 1;
}

function innerDot(c: string): boolean {
  const k = c.indexOf('.', 1);
  return k > 0 && k < c.length - 1;
}

function mayHoldValue(t: ClauseToken): boolean {
  const c = t.core;
  for (let k = 0; k < c.length; k++) {
    const code = c.charCodeAt(k);
    if ((code >= 48 && code <= 57) || code === 36 || code === 64 || code === 35 || code > 0x20a0) return true;
  }
  if (c.startsWith('www') || c.startsWith('http')) return true;
  // A host name or a file's path ("bluefinch.io", "src/db/schema.ts"): a dot inside the word.
  if (innerDot(c)) return true;
  const dash = t.lower.indexOf('-');
  return (
    startWords.has(t.lower) ||
    isNumberWord(t.lower) ||
    (dash > 0 && isNumberWord(t.lower.slice(0, dash))) ||
    ordinalValue(t.lower) !== undefined ||
    isLanguageNumberWord(t.lower) ||
    otherLanguageWeekday(t.lower) !== -1
  );
}
