import type { ClauseToken } from './split-clauses.js';

// Advice on what the reader's own action does ("Avoiding coffee for a day afterwards helps the
// result last", "Stretching first helps prevent cramps", "Turning off the water at the stop valve
// will limit the damage", "Renewing early is the easiest way to avoid a late fee"): a gerund naming
// the reader's act is the subject, a verb of effect ("help", "limit", "reduce", "prevent", "save")
// or "is the … way to" the predicate. It says what tends to happen, not what the service does,
// grants or denies: its negations ("avoiding", "prevent"), its "any" and its verb of effect are the
// advice's content, no policy denied or limited, and its "will" is no promise of the service's.

const effects = new Set(
  'help helps helped limit limits reduce reduces cut cuts prevent prevents save saves ease eases speed speeds'.split(' '),
);
// Words after which a verb of effect is no verb of the gerund's ("with the help of", "the limit").
const notVerb = new Set(['the', 'a', 'an', 'of', 'for', 'our', 'your', 'some', 'any', 'no']);
// Modals and adverbs between the gerund phrase and its verb ("will limit", "can really help").
const auxiliaries = new Set(['will', 'can', 'may', 'might', 'should', 'would', 'usually', 'often', 'really', 'also', 'generally']);
// Gerunds that name a service or a thing rather than the reader's act ("Parking helps fund the park").
const things = new Set(['parking', 'booking', 'shipping', 'billing', 'pricing', 'housing', 'clothing', 'bedding', 'seating', 'catering']);
const copulas = new Set(['is', 'are', "'s", 'was']);

/** Where the gerund opening a clause stands: the first word, or the first after a leading phrase and its comma ("In the meantime, turning…"); -1 if none. */
function gerundAt(t: readonly ClauseToken[]): number {
  const gerund = (x: ClauseToken | undefined, capital: boolean): boolean =>
    x !== undefined && (x.upper || !capital) && x.lower.length >= 5 && x.lower.endsWith('ing') && !things.has(x.lower);
  if (gerund(t[0], true)) return 0;
  // A short leading phrase, then its comma, then the gerund in lower case.
  for (let i = 0; i < Math.min(t.length - 1, 4); i++) if ((t[i]?.after ?? '').includes(',')) return gerund(t[i + 1], false) ? i + 1 : -1;
  return -1;
}

/**
 * Whether a clause is advice on the effect of the reader's act: a gerund phrase opening it (or
 * opening it after a short leading phrase), then, within its first sixteen words, a verb of effect
 * (after a modal or an adverb at most) or "is the … way to".
 */
export function advisesEffect(t: readonly ClauseToken[]): boolean {
  const start = gerundAt(t);
  if (start < 0) return false;
  for (let i = start + 1; i < Math.min(t.length, start + 16); i++) {
    const w = t[i]?.lower ?? '';
    if (effects.has(w)) return !notVerb.has(t[i - 1]?.lower ?? '');
    // "…is (usually) the easiest way to…": the act named as a way to what follows.
    if (copulas.has(w)) return wayTo(t, i + 1);
    // The gerund phrase ends at a comma: "Avoiding X, you must…" is a rule.
    if (/[,;:]/.test(t[i]?.after ?? '') || w === "isn't" || w === 'must') return false;
    if (auxiliaries.has(w) && effects.has(t[i + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** Whether the words from `j` are "(adverb) the/a … way to" within five words. */
function wayTo(t: readonly ClauseToken[], j: number): boolean {
  let k = j;
  if (auxiliaries.has(t[k]?.lower ?? '')) k++;
  if (t[k]?.lower !== 'the' && t[k]?.lower !== 'a') return false;
  for (let m = k + 1; m < Math.min(t.length - 1, k + 5); m++) if (t[m]?.lower === 'way') return t[m + 1]?.lower === 'to';
  return false;
}

/** Whether a word (lower-cased, or a folded content form) is a verb of effect ("limit", "limits"): in advice on an effect, no policy's limit. */
export function isEffectVerb(w: string): boolean {
  return effects.has(w);
}
