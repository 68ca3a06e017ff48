import { hasDigit } from '../../text/word-forms.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import type { FactValue } from '../values/fact-value.js';
import { isNumberWord } from '../values/number-words.js';

// Words that compare with a figure from above ("more than 10", "over 23 kg", "exceed $500").
const comparatives = new Set(['more', 'over', 'exceed', 'exceeds', 'exceeding', 'beyond', 'above', 'greater', 'larger', 'heavier']);
// Words that state a figure as a ceiling ("up to 10", "max 10", "a limit of 10", "at most 10").
const ceilings = new Set(['max', 'maximum', 'limit', 'limited', 'cap', 'capped', 'ceiling']);
// Words after "or" that close a figure from above ("4 or fewer", "£50 or less", "12 or under").
const lesser = new Set(['fewer', 'less', 'under', 'below']);

/**
 * Whether a negated comparison with a count or an amount ("We can't accommodate more than 10
 * people", "bags may not exceed 23 kg") is said by the other clause as a ceiling on the same figure
 * ("Up to 10 people per session", "23 kg max", "at most $500"): one limit, one worded by what is
 * denied above it, the other by what is allowed up to it - not opposite claims. Counts, quantities,
 * amounts and percents only: "can't cancel more than 24 hours before" and "cancel up to 24 hours
 * before" bound a moment from opposite sides.
 */
export function ceilingRestated(negated: ClauseFacts, other: ClauseFacts): boolean {
  if (other.polarity.negated || !saysCeiling(other.tokens)) return false;
  for (const figure of comparedFigures(negated.tokens)) {
    const v = negated.values.find((x) => counted(x) && x.text.startsWith(figure.core));
    if (v !== undefined && other.valueIndex.hasKey(v)) return true;
  }
  return comparedPhraseSaid(negated.tokens, other);
}

// Words that make the phrase after "more than" a moment ("more than a week ahead", "before the
// day"): bounds on a moment from opposite sides are opposite claims (see {@link ceilingRestated}).
const moments = new Set(['ahead', 'before', 'after', 'advance', 'earlier', 'later', 'prior', 'beforehand', 'early', 'late']);

/**
 * A ceiling that is no figure: "can't charge more than a share of the fuel cost" / "limited to
 * splitting the fuel cost", "a share of the fuel cost at most". What "more than" compares with is
 * said by the other clause (two of its content words, or its one), not as a moment.
 */
function comparedPhraseSaid(t: readonly ClauseToken[], other: ClauseFacts): boolean {
  const at = t.findIndex((x, i) => comparatives.has(x.lower) && t[i + 1]?.lower === 'than');
  if (at < 0) return false;
  const phrase = t.slice(at + 2);
  if (phrase.some((x) => moments.has(x.lower.replace(/[.,;:!?)]+$/, '')))) return false;
  const words = [...new Set(phrase.flatMap((x) => contentWords(x.core)))];
  const said = words.filter((w) => other.contentSet.has(w)).length;
  return words.length > 0 && said >= Math.min(2, words.length);
}

/**
 * {@link ceilingRestated} for the two sides of a sentence kept with edits, by their words alone:
 * one side negated with a comparison ("No walker takes more than 4 dogs"), the other with no
 * negation wording the same figure as a ceiling ("Each walker takes at most 4 dogs").
 */
export function ceilingRestatedInWords(negated: readonly ClauseToken[], other: readonly ClauseToken[]): boolean {
  if (!negated.some((t) => isNegationCue(t.lower)) || other.some((t) => isNegationCue(t.lower)) || !saysCeiling(other)) return false;
  return comparedFigures(negated).some((f) => other.some((t) => t.core === f.core));
}

/** The figures a clause compares with from above ("more than 10", "over 23 kg", "more than two"): the words after the comparative. */
function comparedFigures(t: readonly ClauseToken[]): ClauseToken[] {
  const out: ClauseToken[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!comparatives.has(t[i]?.lower ?? '')) continue;
    const figure = t[t[i + 1]?.lower === 'than' ? i + 2 : i + 1];
    if (figure !== undefined && (hasDigit(figure.core) || isNumberWord(figure.lower))) out.push(figure);
  }
  return out;
}

function counted(v: FactValue): boolean {
  return v.type === 'number' || v.type === 'quantity' || v.type === 'money' || v.type === 'percent';
}

/** Whether a clause words a figure as a ceiling: "up to", "at most", "max", "a limit of", "or fewer"… */
function saysCeiling(t: readonly ClauseToken[]): boolean {
  return t.some(
    (x, i) =>
      ceilings.has(x.lower.replace(/\.$/, '')) ||
      (x.lower === 'up' && t[i + 1]?.lower === 'to') ||
      (x.lower === 'most' && t[i - 1]?.lower === 'at') ||
      // "4 or fewer", "£50 or less", "two lessons or fewer".
      (x.lower === 'or' && lesser.has((t[i + 1]?.lower ?? '').replace(/[.,;:!?)]+$/, ''))) ||
      x.core.startsWith('≤'),
  );
}
