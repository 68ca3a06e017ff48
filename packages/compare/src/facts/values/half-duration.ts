import { singular } from '../../text/word-forms.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from './fact-value.js';
import { secondsPer } from './unit-words.js';

/**
 * Half of a unit of time at token `t` ("half an hour", "half a day", "half hour", "half-hour", "a
 * half-day"): the duration it names, as "30 minutes" says it; undefined when no unit follows. Read
 * otherwise, "half an hour" would be "an hour".
 */
export function halfDurationAt(t: ClauseToken, rest: readonly ClauseToken[]): { value: FactValue; used: number } | undefined {
  if (t.lower === 'half-price' || t.lower === 'half-off') return halfShare(t.core, 1);
  if (t.lower.startsWith('half-')) return half(t.lower.slice(5), t.core, 1);
  if (t.lower !== 'half') return undefined;
  // "half of the deposit", "half the fee", "half price", "half off": the share 50 % says.
  const next = rest[0]?.lower;
  if (t.after === '' && (next === 'of' || next === 'the' || next === 'price' || next === 'off')) return halfShare(t.core, 1);
  const article = rest[0]?.lower === 'an' || rest[0]?.lower === 'a' ? 1 : 0;
  const unit = rest[article];
  return unit === undefined ? undefined : half(unit.lower, `${t.core}${article ? ` ${rest[0]?.core}` : ''} ${unit.core}`, 2 + article);
}

function half(unit: string, text: string, used: number): { value: FactValue; used: number } | undefined {
  const word = singular(unit);
  const per = word.length > 1 ? secondsPer[word] : undefined;
  // "A half-day tour" says what kind of tour more often than how long it takes: a half of a day or
  // longer supports a figure another answer gives, and is never a fact on its own.
  return per === undefined ? undefined : { value: { type: 'duration', keys: [`duration:${per / 2}`], text, weak: per >= 86400 }, used };
}

/** Half of something as a share: a weak 50 % (it supports a "50%" another answer writes, and is no claim of its own). */
function halfShare(text: string, used: number): { value: FactValue; used: number } {
  return { value: { type: 'percent', keys: ['percent:50'], num: 50, text, weak: true }, used };
}
