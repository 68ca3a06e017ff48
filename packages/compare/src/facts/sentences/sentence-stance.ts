import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { sentenceCount, sentenceTexts } from '../claims/lone-addition.js';
import { baselineStating } from '../claims/states-claim.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { priceSide, tailFlip } from './concessive-tail.js';
import { partFlip, type Stance, stanceOf } from './stance-segments.js';

// The one sentence of an answer rewritten to take the other side on what it is about: "Please keep
// pets at home: no animals are allowed in our vans" → "Your pets can travel with you in our vans",
// "Someone over 18 needs to be home" → "It's fine if nobody is home". The new wording shares too few
// words with the old for the clause rules to pair them, but the rest of the answer is kept word for
// word, so the sentence it replaces is known: the one the candidate no longer says. Each side is read
// as a rule for the reader — it restricts (must, please, can't, isn't possible) or permits (can, free
// to, no need to, is fine) — and opposite sides are a flip.

/** Which side a clause takes, if it states a rule: not a condition or a clause about the conversation. */
function clauseStance(c: ClauseFacts): Stance | undefined {
  return c.condition || c.framing ? undefined : stanceOf(c.tokens, c.polarity);
}

/** The side the clauses of a sentence take together; none where they take both or neither. */
function sentenceStance(clauses: readonly ClauseFacts[]): Stance | undefined {
  let found: Stance | undefined;
  for (const c of clauses) {
    const s = clauseStance(c);
    if (s === undefined) continue;
    if (found !== undefined && found !== s) return undefined;
    found = s;
  }
  return found;
}

/** The first `max` clauses of a sheet in sentence `n`. */
function clausesOf(sheet: FactSheet, n: number, max: number): ClauseFacts[] {
  return sheet.clauses.slice(0, max).filter((c) => c.sentence === n);
}

/**
 * The original sentence the candidate replaced and the candidate's sentence in its place: every
 * other sentence is kept word for word, one of the original's is missing and one of the candidate's
 * is new. Undefined otherwise.
 */
function replaced(original: FactSheet, candidate: FactSheet, max: number): { from: number; to: number } | undefined {
  const count = sentenceCount(original, max);
  if (count !== sentenceCount(candidate, max) || count < 2) return undefined;
  const ours = sentenceTexts(original, max);
  const theirs = sentenceTexts(candidate, max);
  const said = new Set(theirs.values());
  const kept = new Set(ours.values());
  const missing = [...ours].filter(([, s]) => !said.has(s));
  const added = [...theirs].filter(([, s]) => !kept.has(s));
  const from = missing[0];
  const to = added[0];
  return missing.length === 1 && added.length === 1 && from !== undefined && to !== undefined ? { from: from[0], to: to[0] } : undefined;
}

/**
 * The candidate's one rewritten sentence ({@link replaced}) where it takes the other side of the rule
 * the sentence it replaces states: one restricts, the other permits. The two must be about the same
 * thing — they share a content word, or the new sentence stands where the old one stood. Noise where a
 * baseline's clause that says closely what one of the candidate's says takes the candidate's side.
 */
export function stanceFlip(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
): SentenceDifference | undefined {
  const pair = replaced(original, candidate, o.maxClauses);
  if (pair === undefined) return undefined;
  const before = clausesOf(original, pair.from, o.maxClauses);
  const after = clausesOf(candidate, pair.to, o.maxClauses);
  const was = sentenceStance(before);
  const now = sentenceStance(after);
  const shares = after.some((c) => before.some((b) => c.contentUnique.some((w) => b.contentUnique.includes(w))));
  const whole = was !== undefined && now !== undefined && was !== now && (shares || pair.from === pair.to);
  // Or one part of it changed side, paired by its words with the part of the candidate's that took its place.
  const part = whole
    ? undefined
    : partFlip(
        before.flatMap((c) => c.tokens),
        after.flatMap((c) => c.tokens),
      );
  // Or a concession added after the kept subject takes back its price ("…, though there's a charge for it").
  const tail = whole || part !== undefined ? undefined : tailFlip(before, after);
  if (!whole && part === undefined && tail === undefined) return undefined;
  const theirs = whole ? now : part?.stance;
  // Production varies where a baseline's clause close to one of the candidate's takes the candidate's side.
  const by = baselines.findIndex((b) =>
    after.some(
      (c) =>
        baselineStating(c, [b], candidate, o.maxClauses, (x) =>
          tail === undefined ? clauseStance(x) === theirs : priceSide(x) === tail.side,
        ) === 0,
    ),
  );
  const text = (cs: readonly ClauseFacts[]): string => cs.map((c) => c.text).join(' ');
  return {
    kind: 'polarity_flip',
    key: 'fact:polarity',
    severity: 'high',
    message: whole
      ? `"${clip(text(before))}" → "${clip(text(after))}"`
      : `${clip((part ?? tail)?.from ?? '')} → ${clip((part ?? tail)?.to ?? '')}`,
    original: text(before),
    candidate: text(after),
    sentence: pair.to,
    ...excusedBy('sentence-stance', byBaseline(tail === undefined ? 'clauseStance' : 'priceSide', by)),
  };
}
