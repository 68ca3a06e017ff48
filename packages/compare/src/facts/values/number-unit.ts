import { singular } from '../../text/word-forms.js';
import { memoSlots, wordNumber } from '../../text/word-ids.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { clockTime } from './calendar-value.js';
import type { FactValue } from './fact-value.js';
import { measureKeys, temperatureKeys, temperatureScaleAt } from './measure-conversion.js';
import { isNumberWord, numberWordsValue } from './number-words.js';
import { isZone } from './time-zone.js';
import {
  clauseSubjects,
  countNouns,
  currencyWords,
  frequencyNext,
  frequencyWords,
  measureUnits,
  moneySigns,
  notUnits,
  otherLanguageSeconds,
  rangeWords,
  scaleWords,
  secondsPer,
  timeQualifiers,
} from './unit-words.js';

// "1.234,56" (dots between thousands, a decimal comma) and "12,50" / "2,5" (a comma before one or
// two digits cannot part thousands): a figure as most of Europe and Latin America write it.
const commaDecimal = /^\d{1,3}(?:\.\d{3})+,\d+$|^\d+,\d{1,2}$/;

// "18+" (at least 18) states the number 18; "1.234,56" is a figure too ({@link commaDecimal}).
export const plainNumber = /^\d[\d,]*(?:\.\d+)?\+?$|^\d{1,3}(?:\.\d{3})+,\d+$/;

/** The digits of a figure a money sign may stand before ("$1,200.50", "€1.234,56"), for a pattern's source. */
export const figureSource = String.raw`\d{1,3}(?:\.\d{3})+,\d+|\d[\d,]*(?:\.\d+)?`;

// "30.000 €", "R$1.500": beside a money sign or word, dots between groups of three digits part
// thousands (a price has two decimals, or none).
const dotThousands = /^\d{1,3}(?:\.\d{3})+$/;

/** An amount's figure ({@link parseNumber}, with {@link dotThousands}). */
export function moneyNumber(s: string): number {
  return dotThousands.test(s) ? Number(s.replace(/\./g, '')) : parseNumber(s);
}

/** What a count counts, one word for its spellings: "pieces" and "pcs" are "piece", "ppl" and "people" "person". */
function countNoun(word: string): string {
  return countNouns[word] ?? singular(word);
}

/** A written number's value: "1,200" → 1200, "18+" → 18, "12,50" → 12.5, "1.234,56" → 1234.56. */
export function parseNumber(s: string): number {
  if (commaDecimal.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  return Number(s.replace(/[,+]/g, ''));
}

/**
 * The first end of a range that names its unit once, after the second: "3 to 4 hours", "three to four
 * hours", "2 or 3 bags" (as "3–4 hours" is read); and of clock hours with one meridiem ("between 1 and
 * 4 p.m.", "1–4 p.m." read as "1 to 4 p.m."): the second's half of the day, or the other half where the
 * first is the later hour ("9 to 5 p.m." opens at 9 a.m.; "12 to 3 p.m." at noon).
 */
function rangeStart(n: number, text: string, next: readonly ClauseToken[], weak: boolean): FactValue | undefined {
  const [link, end, unit] = next;
  if (link === undefined || end === undefined || unit === undefined || !rangeWords.has(link.lower)) return undefined;
  if (/^(a\.?m\.?|p\.?m\.?)$/.test(unit.lower)) {
    if (!/^(?:[1-9]|1[0-2])$/.test(text) || !/^(?:[1-9]|1[0-2])$/.test(end.core)) return undefined;
    const pm = unit.lower.startsWith('p');
    const same = n < Number(end.core) || n === 12;
    // The first end is written as the whole range, as "3–4 hours" is ({@link spansBoth} reads it so).
    return clockTime(n, 0, same === pm ? 'pm' : 'am', `${text} ${link.core} ${end.core} ${unit.core}`);
  }
  const m = plainNumber.test(end.core) ? parseNumber(end.core) : isNumberWord(end.lower) ? numberWordsValue([end.lower]) : undefined;
  if (m === undefined || m <= n) return undefined;
  const tail = next.slice(2);
  const second = withUnit(m, end.core, tail, weak).value;
  if (second.type === 'number' || second.type === 'time') return undefined;
  const first = withUnit(n, text, tail, weak).value;
  return first.type === second.type ? { ...first, text: `${text} ${link.core} ${second.text}` } : undefined;
}

/** A number and what follows it: a unit, currency, percent or meridiem turns it into a typed value. */
export function withUnit(n: number, text: string, next: readonly ClauseToken[], weak: boolean): { value: FactValue; used: number } {
  const w0 = next[0]?.lower ?? '';
  const w1 = next[1]?.lower ?? '';
  // "5 million/month": the scale before a rate's slash is the figure's all the same.
  const scale = scaleWords[w0] ?? (w0.includes('/') ? scaleWords[w0.slice(0, w0.indexOf('/'))] : undefined);
  if (scale !== undefined) {
    const r = withUnit(n * scale, `${text} ${next[0]?.core}`, next.slice(1), false);
    return { value: r.value, used: r.used + 1 };
  }
  if (w0 === 'times' || w0 === 'time')
    return { value: { type: 'quantity', keys: [`times:${n}`], num: n, text: `${text} ${w0}`, weak: false }, used: 1 };
  const temperature = temperatureScaleAt(next);
  if (temperature !== undefined) {
    const unitText = next.slice(0, temperature.used).map((t) => t.core);
    const keys = temperatureKeys(temperature.scale, n);
    return { value: { type: 'quantity', keys, num: n, text: [text, ...unitText].join(' '), weak: false }, used: temperature.used };
  }
  // "3.4 fl oz": a fluid ounce is a volume, an ounce a weight.
  const fluid = w0 === 'fl' && /^(?:oz|ounces?)$/.test(w1);
  const measure = fluid ? 'floz' : measureUnits[singular(w0)];
  if (measure !== undefined)
    return {
      value: {
        type: 'quantity',
        keys: measureKeys(measure, n),
        num: n,
        text: `${text} ${next[0]?.core}${fluid ? ` ${next[1]?.core}` : ''}`,
        weak: false,
      },
      used: fluid ? 2 : 1,
    };
  // "12 €", "20 $", "50 €/sinistro": the sign after the figure, as French, German or Italian write it.
  const after = next[0]?.core ?? '';
  const slash = after.indexOf('/');
  const cur = moneySigns[slash > 0 ? after.slice(0, slash) : after] ?? currencyWords[w0];
  if (cur !== undefined) {
    const amount = dotThousands.test(text) ? moneyNumber(text) : n;
    return {
      value: { type: 'money', keys: [`money:${cur}:${amount}`], num: amount, text: `${text} ${next[0]?.core}`, weak: false },
      used: 1,
    };
  }
  if (w0 === 'cents' || w0 === 'cent')
    return { value: { type: 'money', keys: [`money:USD:${n / 100}`], num: n, text: `${text} ${w0}`, weak: false }, used: 1 };
  // "40 pence", "40p" (the glued "p" comes here as the unit of "40p"): hundredths of a pound, as
  // "£0.40" says them. Past 99 a glued "p" is more often a resolution ("1080p") than a price.
  if (w0 === 'pence' || w0 === 'penny' || (w0 === 'p' && text.endsWith('p') && n < 100))
    return {
      value: { type: 'money', keys: [`money:GBP:${n / 100}`], num: n, text: w0 === 'p' ? text : `${text} ${w0}`, weak: false },
      used: 1,
    };
  if (w0 === 'percent' || w0 === '%' || (w0 === 'per' && w1 === 'cent'))
    return {
      value: { type: 'percent', keys: [`percent:${n}`], num: n, text: `${text} ${w0 === 'per' ? 'per cent' : w0}`, weak: false },
      used: w0 === 'per' ? 2 : 1,
    };
  if (/^(a\.?m\.?|p\.?m\.?)$/.test(w0) && n <= 12) {
    const t = clockTime(n, 0, w0, `${text} ${next[0]?.core}`);
    if (t !== undefined) return { value: t, used: 1 };
  }
  const first = rangeStart(n, text, next, weak);
  if (first !== undefined) return { value: first, used: 0 };
  // "5 business days", "three previous years": the qualifier does not change the unit.
  const skip = timeQualifiers.has(w0) ? 1 : 0;
  const unitWord = singular(next[skip]?.lower ?? '');
  const per = secondsPer[unitWord] ?? otherLanguageSeconds[next[skip]?.lower ?? ''];
  if (per !== undefined && unitWord.length > 1) {
    const unitText = next
      .slice(0, skip + 1)
      .map((t) => t.core)
      .join(' ');
    // A span of months or years is keyed in months too: "12 months" is "a year", "18 months" "1.5
    // years" (a month counts 30 days, a year 365).
    const keys = [`duration:${n * per}`];
    if (per === secondsPer.month || per === secondsPer.year) keys.push(`duration:months:${per === secondsPer.year ? n * 12 : n}`);
    return { value: { type: 'duration', keys, num: n, text: `${text} ${unitText}`, weak }, used: skip + 1 };
  }
  const noun = next[0];
  // What a number counts is a common noun ("3 nights"), not a name ("Node 22 (Drizzle…").
  // A zone after hours ("9–5 ET") says when, not what is counted.
  const unitLike = noun !== undefined && (!noun.upper || (/^\p{Lu}{1,3}$/u.test(noun.core) && !isZone(noun.core))) && noun.quoted !== true;
  if (noun !== undefined && unitLike && /^\p{L}{2,}$/u.test(noun.core) && !notUnits.has(noun.lower) && !isNumberWord(noun.lower)) {
    return {
      value: { type: 'quantity', keys: [`quantity:${countNoun(noun.lower)}:${n}`], num: n, text: `${text} ${noun.core}`, weak },
      used: 1,
    };
  }
  return { value: { type: 'number', keys: [`number:${n}`], num: n, text, weak }, used: 0 };
}

/**
 * A spelled count joined to its noun: "two-tier", "three-bedroom", "five-day" (as "30-day" is read
 * with digits): a count of that noun, or a duration where the noun is a unit of time.
 */
function spelledCompound(t: ClauseToken): { value: FactValue; used: number } | undefined {
  const dash = t.lower.lastIndexOf('-');
  if (dash <= 0 || isNumberWord(t.lower)) return undefined;
  const unit = t.lower.slice(dash + 1);
  const parts = t.lower.slice(0, dash).split('-');
  // "three-working-day", "two-business-week": the qualifier does not change the unit (as "5 business days").
  const qualifier = parts.length > 1 && timeQualifiers.has(parts[parts.length - 1] ?? '') ? parts.pop() : undefined;
  const n = numberWordsValue(parts);
  if (n === undefined || !/^\p{L}{2,}$/u.test(unit)) return undefined;
  const next = [
    ...(qualifier === undefined ? [] : [{ core: qualifier, lower: qualifier, upper: false }]),
    { core: unit, lower: unit, upper: false },
  ];
  const r = withUnit(n, t.core, next, true);
  return { value: { ...r.value, text: t.core }, used: 1 };
}

/**
 * Whether "a"/"an" followed by `next` can start a value ({@link articleValue} reads one only
 * before a number word, "a hundred", or a unit of time, "a week"): most articles start none.
 */
export function mayFollowArticle(next: ClauseToken | undefined): boolean {
  // Asked after every "a"/"an": remembered per word of the current table.
  return next !== undefined && wordNumber(next.id, next.lower, memoSlots.articleNext, articleNextFlag) === 1;
}

function articleNextFlag(w: string): number {
  return isNumberWord(w) || secondsPer[singular(w)] !== undefined || w === 'single' ? 1 : 0;
}

/** The last rules of `valueAt` (extract-values.ts): spelled-out numbers ("thirty days", "a hundred") and "a week". */
// Prepositions that bound a time ("within a week", "in an hour", "under a day", "after a month").
const timeBounds = new Set(['within', 'in', 'under', 'inside', 'after']);

export function articleValue(
  tokens: readonly ClauseToken[],
  i: number,
  t: ClauseToken,
  rest: readonly ClauseToken[],
): { value: FactValue; also?: FactValue; used: number } | undefined {
  const often = frequencyWords[t.lower];
  if (often !== undefined) {
    // "once" is a count only where it says how often ("once a day", "only once"), not "once you pay".
    const prev = tokens[i - 1]?.lower;
    // "only once they're dry", "just once you've paid": a clause after it makes "once" its conjunction.
    const opensClause = t.lower === 'once' && clauseSubjects.has(rest[0]?.lower ?? '');
    const counts =
      t.lower !== 'once' ||
      frequencyNext.has(rest[0]?.lower ?? '') ||
      (i > 0 && rest[0] === undefined) ||
      (!opensClause && (prev === 'only' || prev === 'just' || prev === 'exactly'));
    // "Once a month" is how "every month" and "monthly" say it too: it supports and compares with
    // "twice a month" but is no new fact on its own; "only once" counts.
    const bare = t.lower === 'once' && prev !== 'only' && prev !== 'just' && prev !== 'exactly';
    if (counts) return { value: { type: 'quantity', keys: [`times:${often}`], num: often, text: t.core, weak: bare }, used: 1 };
  }
  const compound = spelledCompound(t);
  if (compound !== undefined) return compound;
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
    let n = numberWordsValue(words);
    // "three and a half hours" is 3.5 hours, as "3.5 hours" writes it.
    if (n !== undefined && tokens[j]?.lower === 'and' && tokens[j + 1]?.lower === 'a' && tokens[j + 2]?.lower === 'half') {
      n += 0.5;
      words.push('and', 'a', 'half');
      j += 3;
    }
    if (n !== undefined) {
      const r = withUnit(n, words.join(' '), tokens.slice(j, j + 4), true);
      // A spelled number with a unit ("thirty days") is as firm as digits; "one of them" is not a claim.
      return {
        value: r.value.type === 'number' || r.value.type === 'quantity' ? r.value : { ...r.value, weak: false },
        used: j - i + r.used,
      };
    }
  }
  // "in a single day" is "in one day".
  if (t.lower === 'a' && rest[0]?.lower === 'single' && secondsPer[singular(rest[1]?.lower ?? '')] !== undefined) {
    const r = withUnit(1, 'a single', rest.slice(1), false);
    return { value: r.value, used: 2 + r.used };
  }
  if ((t.lower === 'a' || t.lower === 'an') && secondsPer[singular(rest[0]?.lower ?? '')] !== undefined) {
    // "a week" is as often a rate's period ("twice a week", "$5 a week") as a length: weak, but for
    // a time promised or bounded ("approved within a week", "ready in an hour", "under a day"),
    // which is as firm as "within 7 days".
    // "an hour and a half" is 1.5 hours: a length, not a rate's period.
    const half = tokens[i + 2]?.lower === 'and' && tokens[i + 3]?.lower === 'a' && tokens[i + 4]?.lower === 'half';
    if (half) {
      const r = withUnit(1.5, `${t.core} ${rest[0]?.core} and a half`, [rest[0] as ClauseToken], false);
      return { value: { ...r.value, text: `${t.core} ${rest[0]?.core} and a half` }, used: 5 };
    }
    const r = withUnit(1, t.core, rest, !timeBounds.has(tokens[i - 1]?.lower ?? ''));
    return { value: r.value, used: 1 + r.used };
  }
  return undefined;
}
