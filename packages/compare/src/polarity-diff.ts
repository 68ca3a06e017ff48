import { isFraming } from './claim-framing.js';
import { align, counterpart } from './clause-alignment.js';
import { polarityDiffers } from './clause-polarity.js';
import { directionDiffers } from './direction-differs.js';
import type { Difference } from './divergence-report.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';
import { polarityEvidence, prefixAntonym } from './polarity-evidence.js';

/**
 * Whether two aligned clauses say opposite things: their polarity differs (negations and words
 * that deny, counted), or exactly one of them names the opposite direction of the other
 * ("increase" / "decrease"; "won't decrease" says what "will increase" does), or one uses a word
 * the other negates by its prefix.
 */
export function opposed(a: ClauseFacts, b: ClauseFacts): boolean {
  return polarityDiffers(a.polarity, a.tokens, b.polarity, b.tokens) !== directionDiffers(a.tokens, b.tokens) || prefixAntonym(a, b);
}

/** The answers a candidate clause is judged against. */
export interface PolarityContext {
  readonly original: FactSheet;
  readonly candidate: FactSheet;
  readonly baselines: readonly FactSheet[];
}

/**
 * A polarity flip or a change of modality of candidate clause `c` (its path left to the caller):
 * against `p`, the original's clause that says the same thing, excused where a baseline's clause
 * for it says it the candidate's way; or, where the original has no such clause, against the
 * baselines' clauses that say it closely, when all of them disagree with the candidate.
 */
export function diffPolarity(
  c: ClauseFacts,
  p: ClauseFacts | undefined,
  { original, candidate, baselines }: PolarityContext,
  o: { readonly alignClause: number; readonly maxClauses: number },
): Omit<Difference, 'path'> | undefined {
  const claim = !isFraming(c) && !c.condition;
  if (claim && p !== undefined && p.content.length >= 2 && !isFraming(p) && !p.condition) {
    const flipped = opposed(p, c);
    // Production varies here when a baseline's version of the original's clause says it the candidate's way.
    const againstBaselines = (test: (b: ClauseFacts) => boolean): boolean =>
      baselines.some((b) => {
        // The baseline's clause must be the original clause's counterpart both ways (mutual best
        // match): a loose match to some other sentence would excuse a real flip.
        const a = counterpart(p, b, original, o.alignClause, o.maxClauses);
        // A condition ("If you change the date") states no claim of its own, and the baseline's
        // clause must be the candidate's close best match there too, or it is about another sentence
        // (a differently worded baseline that the antonym rules read the other way excuses nothing).
        return (
          a !== undefined &&
          !a.condition &&
          align(a, original, o.maxClauses)?.clause === p &&
          (align(c, b, o.maxClauses)?.score ?? 0) >= o.alignClause &&
          align(c, b, o.maxClauses)?.clause === a &&
          test(a)
        );
      });
    if (flipped) {
      const varies = againstBaselines((b) => !opposed(b, c));
      return {
        kind: 'polarity_flip',
        key: 'fact:polarity',
        severity: 'high',
        message: polarityEvidence(p, c),
        original: p.text,
        candidate: c.text,
        ...(varies ? { explainedByNoise: true } : {}),
      };
    }
    if (c.polarity.modality !== null && p.polarity.modality !== null && c.polarity.modality !== p.polarity.modality) {
      const varies = againstBaselines((b) => b.polarity.modality === c.polarity.modality);
      return {
        kind: 'modality_change',
        key: 'fact:modality',
        severity: 'high',
        message: polarityEvidence(p, c),
        original: p.text,
        candidate: c.text,
        ...(varies ? { explainedByNoise: true } : {}),
      };
    }
  } else if (claim && baselines.length > 0 && c.content.length >= 2) {
    // The original words this claim too differently to pair with it: the baselines that say it
    // closely (a mutual best match) judge its polarity and modality, when they all agree.
    const theirs = baselines.flatMap((b) => {
      const a = align(c, b, o.maxClauses);
      const x = a?.clause;
      return x !== undefined &&
        (a?.score ?? 0) >= o.alignClause &&
        x.content.length >= 2 &&
        !x.condition &&
        !isFraming(x) &&
        align(x, candidate, o.maxClauses)?.clause === c
        ? [x]
        : [];
    });
    const first = theirs[0];
    if (first !== undefined && theirs.every((x) => opposed(x, c))) {
      return {
        kind: 'polarity_flip',
        key: 'fact:polarity',
        severity: 'high',
        message: polarityEvidence(first, c),
        original: first.text,
        candidate: c.text,
      };
    } else if (
      first !== undefined &&
      c.polarity.modality !== null &&
      theirs.every((x) => !opposed(x, c) && x.polarity.modality !== null && x.polarity.modality !== c.polarity.modality)
    ) {
      return {
        kind: 'modality_change',
        key: 'fact:modality',
        severity: 'high',
        message: polarityEvidence(first, c),
        original: first.text,
        candidate: c.text,
      };
    }
  }
  return undefined;
}
