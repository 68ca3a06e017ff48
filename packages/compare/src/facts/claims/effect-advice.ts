import type { ClauseToken } from '../clauses/split-clauses.js';

// Advice on what the reader's own action does ("Avoiding coffee for a day afterwards helps the
// result last", "Stretching first helps prevent cramps"): a gerund naming the reader's act is the
// subject, "help(s)" the verb. It says what tends to happen, not what the service does, grants or
// denies: its negations ("avoiding", "prevent") are the advice's content, no policy denied.

const helping = new Set(['help', 'helps', 'helped']);
// Words after which "help" is no verb of the gerund's ("with the help of").
const notVerb = new Set(['the', 'a', 'an', 'of', 'for', 'our', 'your', 'some', 'any', 'no']);
// Gerunds that name a service or a thing rather than the reader's act ("Parking helps fund the park").
const things = new Set(['parking', 'booking', 'shipping', 'billing', 'pricing', 'housing', 'clothing', 'bedding', 'seating', 'catering']);

/** Whether a clause opens with a gerund phrase the verb "help(s)" follows, within its first sixteen words. */
export function advisesEffect(t: readonly ClauseToken[]): boolean {
  // A gerund opens a sentence capitalized; a clause opening mid-sentence ("…, and avoiding…") is another's part.
  const first = t[0];
  if (first === undefined || !first.upper || first.lower.length < 5 || !first.lower.endsWith('ing') || things.has(first.lower))
    return false;
  for (let i = 1; i < Math.min(t.length, 16); i++) {
    const w = t[i]?.lower ?? '';
    if (helping.has(w)) return !notVerb.has(t[i - 1]?.lower ?? '');
    // The gerund phrase ends at a comma or a verb of being: "Avoiding X is required" is a rule.
    if (/[,;:]/.test(t[i]?.after ?? '') || w === 'is' || w === 'are' || w === 'was' || w === "isn't") return false;
  }
  return false;
}
