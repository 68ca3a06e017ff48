import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { defineCue, holdsCue } from '../clauses/clause-cues.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { hedgesOutcome, hedgeWords, likelihoodCue } from './epistemic-hedge.js';
import { approximates, frequencyCue, hedgesByFrequency, saysFrequency } from './frequency-hedge.js';

// A promise made a possibility in an answer written anew: "we'll refund that day" → "we may offer a
// refund for that day", "You'll be without heating for two days" → "You could be without heating…",
// or made a usual outcome: "we'll fix it for free" → "we'll usually fix it free of charge".
// The clause rules pair clauses only above a word overlap that a reworded sentence seldom reaches, and
// the edited-sentence rule reads only a sentence kept but for a few words; here each candidate clause
// is paired with the original's clause it shares the most words with (both ways), and a likelihood
// put on the words they share, where the original states them plainly, is a change of modality.

/** The fewest content words a pair must share, and the least Dice overlap. */
const minShared = 2;
const minOverlap = 0.3;

interface Pair {
  readonly clause: ClauseFacts;
  readonly shared: number;
  readonly score: number;
}

/** The clause of `sheet` (of its `max` first) sharing the most content words with `c` (Dice). */
function closest(c: ClauseFacts, sheet: FactSheet, max: number): Pair | undefined {
  let best: Pair | undefined;
  for (const o of sheet.clauses.slice(0, max)) {
    let shared = 0;
    for (const w of c.contentUnique) if (o.contentUnique.includes(w)) shared++;
    const total = c.contentUnique.length + o.contentUnique.length;
    const score = total === 0 ? 0 : (2 * shared) / total;
    if (best === undefined || score > best.score) best = { clause: o, shared, score };
  }
  return best !== undefined && best.shared >= minShared && best.score >= minOverlap ? best : undefined;
}

/** Whether token `i` hedges a likelihood ("may", "might", "could") or an outcome. */
function hedgeAt(t: readonly ClauseToken[], i: number): boolean {
  return hedgeWords.has(t[i]?.lower ?? '') || hedgesOutcome(t, i);
}

/** Whether a clause hedges anywhere: a likelihood ("may", "might", "could") or a word of frequency ("usually", "in most cases"). */
function hedgesAnything(c: ClauseFacts): boolean {
  return saysFrequency(c.tokens) || c.tokens.some((_, i) => hedgeAt(c.tokens, i));
}

/** Whether a clause hedges the words of clause `x`: one of them among the four words after its hedge. */
function hedgesOn(q: ClauseFacts, x: ClauseFacts): boolean {
  const t = q.tokens;
  return t.some(
    (u, i) => (hedgeAt(t, i) || saysFrequency([u]) || hedgesByFrequency(t, i)) && t.slice(i + 1, i + 5).some((v) => namesWord(x, v)),
  );
}

// Subjects that refer back to what the answer is about ("we may…", "it could…").
const pronouns = new Set(['we', 'you', 'i', 'it', 'they', 'he', 'she', 'this', 'that', 'these', 'those']);

/**
 * Whether a clause hedges what another clause states: its likelihood has a subject that clause names
 * (or a pronoun) and one of its next words is a word of that clause — not "…, though your home
 * insurance may cover that" after a clause about what the warranty covers.
 */
function hedgesWordsOf(c: ClauseFacts, other: ClauseFacts): boolean {
  return c.tokens.some((_, i) => {
    if (!hedgesOutcome(c.tokens, i)) return false;
    const subject = c.tokens[i - 1];
    if (!pronouns.has(subject?.lower ?? '') && !names(other, subject)) return false;
    return c.tokens.slice(i + 1, i + 4).some((t) => names(other, t));
  });
}

/** Whether a token is one of the words `other` says. */
const names = (other: ClauseFacts, t: ClauseToken | undefined): boolean =>
  t !== undefined && contentWords(t.core).some((w) => other.contentSet.has(w));
/** Whether a token is one of the words `other` says, a word of letters (a figure or a letter alone pairs no claim: "$2" in "2–3 days"). */
const namesWord = (other: ClauseFacts, t: ClauseToken | undefined): boolean =>
  t !== undefined && /^\p{L}{3,}/u.test(t.core) && names(other, t);

/**
 * Whether a clause hedges by frequency what another clause states for every case: a word of that
 * clause follows its word of frequency ("we'll usually fix", "in most cases we accept", "Most
 * repairs carry"), not only precedes it ("…, and one shelf usually holds six mugs" after a clause
 * about the shelf's price hedges a claim of its own).
 */
function usualWordsOf(c: ClauseFacts, other: ClauseFacts): boolean {
  // Four words on: "in most cases you can cancel" reaches the verb past its noun and a modal.
  return c.tokens.some((_, i) => hedgesByFrequency(c.tokens, i) && c.tokens.slice(i + 1, i + 5).some((t) => namesWord(other, t)));
}

// Words that state an outcome for certain ("will", "always", "guaranteed").
const certainties = new Set(['will', 'always', 'guaranteed', 'guarantee', 'definitely', 'certainly']);
/** Words of certainty ({@link certainties}, "we'll"): with {@link likelihoodCue}, what a clause must hold to be read here. */
export const certaintyCue = defineCue('certainty', (w) => certainties.has(w) || w.endsWith("'ll"));
// A candidate clause holding neither hedges nothing and states nothing for certain (see rewordedHedges).
const outcomeCues = likelihoodCue | certaintyCue | frequencyCue;

/** Whether a clause states its outcome for certain: a word of certainty ("will", "we'll"), no modal, no hedge. */
function certain(c: ClauseFacts): boolean {
  return c.polarity.modality === null && !hedgesAnything(c) && c.tokens.some((t) => certainties.has(t.lower) || t.lower.endsWith("'ll"));
}

/**
 * Candidate clauses that hedge with a likelihood what the original's clause paired with them states
 * plainly (no modal, no hedge), or with a word of frequency what it states for every case (no hedge,
 * no figure rounded: "takes about an hour" → "usually takes about an hour" hedges no promise), or state for certain ("will",
 * "always") what it hedges: a
 * `modality_change` each, with its sentence; noise where a baseline's clause close to either of them
 * says it the candidate's way (hedged, or plainly).
 */
export function rewordedHedges(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  max: number,
): SentenceDifference[] {
  const out: SentenceDifference[] = [];
  if (!holdsCue(candidate, outcomeCues)) return out;
  for (const c of candidate.clauses.slice(0, max)) {
    if (!holdsCue(c, outcomeCues) || c.framing) continue;
    const likely = c.tokens.some((_, i) => hedgesOutcome(c.tokens, i));
    const usual = c.tokens.some((_, i) => hedgesByFrequency(c.tokens, i));
    const hedges = likely || usual;
    if (!hedges && !certain(c)) continue;
    const p = closest(c, original, max);
    if (p === undefined || p.clause.framing || p.clause.condition !== c.condition) continue;
    const o = p.clause;
    if (closest(o, candidate, max)?.clause !== c) continue;
    // A likelihood hedges a plain claim only ("can be moved" → "might be moved" is read as a permission
    // kept); a frequency hedges any claim that holds each time ("you can cancel" → "you can usually cancel").
    const unhedged = !hedgesAnything(o);
    const softened =
      unhedged &&
      ((likely && o.polarity.modality === null && hedgesWordsOf(c, o)) || (usual && !approximates(o.tokens) && usualWordsOf(c, o)));
    const hardened = !hedges && hedgesWordsOf(o, c);
    if (!softened && !hardened) continue;
    // Production varies where a baseline says it the candidate's way: with a hedge too, on the words
    // of the claim ("Our technician comes between 8am and noon and may call ahead" hedges a call, not
    // the arrival "usually arrives between 8am and noon" hedges), or plainly.
    const by = baselines.findIndex((b) =>
      [c, o].some((x) => {
        const q = closest(x, b, max)?.clause;
        return q !== undefined && (softened ? hedgesOn(q, x) : !hedgesAnything(q));
      }),
    );
    out.push({
      kind: 'modality_change',
      key: 'fact:modality',
      severity: 'high',
      message: `"${clip(o.text)}" → "${clip(c.text)}"`,
      original: o.text,
      candidate: c.text,
      sentence: c.sentence,
      ...excusedBy('reworded-hedge', byBaseline(softened ? 'hedgesOn' : 'a plain baseline', by)),
    });
  }
  return out;
}
