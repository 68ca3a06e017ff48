import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { baselineStating } from '../claims/states-claim.js';
import { defineCue } from '../clauses/clause-cues.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { defaultFactDiffOptions } from '../fact-diff-options.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { declareRule } from '../rule-precondition.js';
import { listedWith } from './coordinated-item.js';

// A restriction listed past: "We service mechanical film cameras only" → "We work on mechanical and
// electronic film cameras alike"; "Only members can book the courts" → "Members and guests can book
// the courts". The candidate lists, under the restricted claim's predicate, the thing "only" bounds it
// to and another: the bound is gone, with no negation to read.

/** The word "only": a list is bounded only in an original that says it. */
const onlyCue = defineCue('only', (w) => w === 'only');

/** {@link listPastOnly}'s precondition (rule-precondition.ts): a clause of the original says "only". */
export const onlyListRule = declareRule(
  'list past only',
  'answers',
  [{ original: { cues: onlyCue } }],
  (input) => listPastOnly(input.original, input.candidate, input.baselines, defaultFactDiffOptions).length > 0,
);

/** How many content words "only" bounds, next to it. */
const reach = 3;

/** The content words "only" bounds in a clause ("…film cameras only", "Only members…"), or none where it says how little ("only a few"). */
function bounded(t: readonly ClauseToken[]): Set<string> {
  const out = new Set<string>();
  t.forEach((k, i) => {
    if (k.lower !== 'only') return;
    const next = t[i + 1]?.lower ?? '';
    // "only a few minutes", "only if", "only takes": no thing bounded after it; read before it then.
    const after = (k.after ?? '').trim() === '' && !isFunctionWord(next) && contentWords(t[i + 1]?.core ?? '').length > 0;
    const step = after ? 1 : -1;
    if (!after && i > 0 && (t[i - 1]?.after ?? '').trim() !== '') return;
    for (let j = i + step, n = 0; j >= 0 && j < t.length && n < reach; j += step, n++) {
      const x = t[j] as ClauseToken;
      if (isFunctionWord(x.lower) || isNegationCue(x.lower)) break;
      for (const w of contentWords(x.core)) out.add(w);
      if ((step > 0 ? x.after : t[j - 1]?.after)?.trim()) break;
    }
  });
  return out;
}

/**
 * Candidate clauses that list, next to a thing a claim of the original bounds with "only", another
 * thing that claim does not name, under a word of that claim's predicate; no negation or "only" in
 * the candidate's clause. Noise where a baseline's clause lists the two together too.
 */
export function listPastOnly(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly maxClauses: number },
): SentenceDifference[] {
  const bounds: { z: ClauseFacts; r: Set<string> }[] = [];
  for (const z of original.clauses.slice(0, o.maxClauses)) {
    if (z.condition || z.framing || z.polarity.negated || !z.tokens.some((k) => k.lower === 'only')) continue;
    const r = bounded(z.tokens);
    if (r.size > 0) bounds.push({ z, r });
  }
  if (bounds.length === 0) return [];
  const out: SentenceDifference[] = [];
  for (const c of candidate.clauses.slice(0, o.maxClauses)) {
    if (c.condition || c.framing || c.tokens.some((k) => k.lower === 'only' || isNegationCue(k.lower))) continue;
    for (const { z, r } of bounds) {
      const pair = listedWith(
        c.tokens,
        (w) => r.has(w),
        (w) => !z.contentSet.has(w),
      );
      if (pair === undefined) continue;
      // The list stands in the bounded claim: a word of it besides the listed item ("film cameras", "book the courts").
      if (!c.content.some((w) => z.contentSet.has(w) && w !== pair.inside)) continue;
      const by = baselineStating(
        c,
        baselines,
        candidate,
        o.maxClauses,
        (y) =>
          y.contentSet.has(pair.inside) &&
          y.contentSet.has(pair.outside) &&
          !y.tokens.some((k) => k.lower === 'only' || isNegationCue(k.lower)),
      );
      out.push({
        kind: 'polarity_flip',
        key: 'fact:polarity',
        severity: 'high',
        message: `${pair.outside}: "${clip(z.text)}" → "${clip(c.text)}"`,
        original: z.text,
        candidate: c.text,
        sentence: c.sentence,
        ...excusedBy('only-list', byBaseline('a baseline lists both without only', by)),
      });
      break;
    }
  }
  return out;
}
