import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { defineTrait } from '../clauses/clause-traits.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import { defaultFactDiffOptions } from '../fact-diff-options.js';
import { declareRule } from '../rule-precondition.js';

// An obligation said again as advice in an answer written anew: "An adult must supervise at all
// times" → "We recommend having an adult keep an eye on it", "must be worn at all times on the
// water" → "we recommend wearing them on the water". The reworded clause shares too few words with
// the original's for the clause rules to pair them; the thing the obligation is about pairs them
// instead: a word that one clause of the original says and one clause of the candidate says, and no
// other clause of either. Where a clause of the candidate keeps the obligation on that word, the
// advice is an addition, not the obligation weakened.

/** Content words (4+ letters, no digit) with the clauses of `sheet`'s first `max` that say them. */
function sayers(sheet: FactSheet, max: number): ReadonlyMap<string, readonly ClauseFacts[]> {
  const out = new Map<string, ClauseFacts[]>();
  for (const c of sheet.clauses.slice(0, max))
    for (const w of c.contentSet) {
      if (w.length < 4 || /\d/.test(w)) continue;
      const list = out.get(w);
      if (list === undefined) out.set(w, [c]);
      else list.push(c);
    }
  return out;
}

/** Advice that is no condition and not negated (what {@link plain} and the advice test pass, framing aside). */
const advisesTrait = defineTrait('advises', (c) => c.polarity.modality === 'advice' && !c.polarity.negated && !c.condition);
/** An obligation that is no request, no condition and not negated. */
const obligesTrait = defineTrait(
  'obliges',
  (c) => c.polarity.modality === 'necessity' && c.polarity.request !== true && !c.polarity.negated && !c.condition,
);

/**
 * {@link adviceWeakened}'s precondition (rule-precondition.ts): a clause of the candidate advises and
 * one of the original obliges, and the two share a content word (the word that pairs them).
 */
export const adviceWeakenedRule = declareRule(
  'advice weakened',
  'answers',
  [{ original: { traits: obligesTrait }, candidate: { traits: advisesTrait }, shared: true }],
  (input) => adviceWeakened(input.original, input.candidate, input.baselines, defaultFactDiffOptions.maxClauses).length > 0,
);

/** A claim the modal scale reads: not a condition, not about the conversation, not negated. */
const plain = (c: ClauseFacts): boolean => !c.condition && !c.framing && !c.polarity.negated;

/**
 * Candidate clauses of advice ("we recommend…", "it's best to…") whose one distinctive word the
 * original says only in an obligation (`necessity`, not a request), the candidate in no obligation.
 * Noise where a baseline says the word in a clause of advice too.
 */
export function adviceWeakened(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  max: number,
): SentenceDifference[] {
  const advised = candidate.clauses.slice(0, max).filter((c) => plain(c) && c.polarity.modality === 'advice');
  if (advised.length === 0) return [];
  // The original's read once per answer (kept read across candidates: sheet-reading.ts).
  const ours = sheetReading(original, max, sayers);
  const theirs = sayers(candidate, max);
  const out: SentenceDifference[] = [];
  for (const c of advised) {
    for (const w of c.contentSet) {
      const x = ours.get(w);
      const y = theirs.get(w);
      if (x?.length !== 1 || y?.length !== 1) continue;
      const o = x[0] as ClauseFacts;
      if (!plain(o) || o.polarity.modality !== 'necessity' || o.polarity.request === true) continue;
      // The obligation is said again in other words, not kept: a word of it the candidate never says.
      if (o.content.every((v) => candidate.vocabulary.has(v))) continue;
      const by = baselines.findIndex((b) => b.clauses.slice(0, max).some((z) => z.contentSet.has(w) && z.polarity.modality === 'advice'));
      out.push({
        kind: 'modality_change',
        key: 'fact:modality',
        severity: 'high',
        message: `${w}: "${clip(o.text)}" → "${clip(c.text)}"`,
        original: o.text,
        candidate: c.text,
        sentence: c.sentence,
        ...excusedBy('advice-weakened', byBaseline('a baseline advises it', by)),
      });
      break;
    }
  }
  return out;
}
