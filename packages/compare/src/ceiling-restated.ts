import type { ClauseFacts } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';
import { hasDigit } from './word-forms.js';

// Words that compare with a figure from above ("more than 10", "over 23 kg", "exceed $500").
const comparatives = new Set(['more', 'over', 'exceed', 'exceeds', 'exceeding', 'beyond', 'above', 'greater', 'larger', 'heavier']);
// Words that state a figure as a ceiling ("up to 10", "max 10", "a limit of 10", "at most 10").
const ceilings = new Set(['max', 'maximum', 'limit', 'limited', 'cap', 'capped', 'ceiling']);

/**
 * Whether a negated comparison with a count or an amount ("We can't accommodate more than 10
 * people", "bags may not exceed 23 kg") is said by the other clause as a ceiling on the same figure
 * ("Up to 10 people per session", "23 kg max", "at most $500"): one limit, one worded by what is
 * denied above it, the other by what is allowed up to it - not opposite claims. Counts, quantities,
 * amounts and percents only: "can't cancel more than 24 hours before" and "cancel up to 24 hours
 * before" bound a moment from opposite sides.
 */
export function ceilingRestated(negated: ClauseFacts, other: ClauseFacts): boolean {
  if (other.polarity.negated || !saysCeiling(other)) return false;
  const t = negated.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!comparatives.has(t[i]?.lower ?? '')) continue;
    const at = t[i + 1]?.lower === 'than' ? i + 2 : i + 1;
    const figure = t[at];
    if (figure === undefined || !hasDigit(figure.core)) continue;
    const v = negated.values.find((x) => counted(x) && x.text.startsWith(figure.core));
    if (v !== undefined && other.valueIndex.hasKey(v)) return true;
  }
  return false;
}

function counted(v: FactValue): boolean {
  return v.type === 'number' || v.type === 'quantity' || v.type === 'money' || v.type === 'percent';
}

/** Whether a clause words a figure as a ceiling: "up to", "at most", "max", "a limit of"… */
function saysCeiling(c: ClauseFacts): boolean {
  const t = c.tokens;
  return t.some(
    (x, i) =>
      ceilings.has(x.lower.replace(/\.$/, '')) ||
      (x.lower === 'up' && t[i + 1]?.lower === 'to') ||
      (x.lower === 'most' && t[i - 1]?.lower === 'at') ||
      x.core.startsWith('≤'),
  );
}
