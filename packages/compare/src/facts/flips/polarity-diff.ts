import { byBaseline, type Excuse, excusedBy } from '../../report/difference-origin.js';
import type { Difference } from '../../report/divergence-report.js';
import { align, counterpart } from '../clauses/clause-alignment.js';
import { freeTrait, modalityTraits, negatedTrait } from '../clauses/clause-traits.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { isHeading } from '../clauses/lead-in.js';
import { defaultFactDiffOptions } from '../fact-diff-options.js';
import { modalOutsideMainPart } from '../modality/main-modality.js';
import type { ClausePolarity } from '../polarity/clause-polarity.js';
import { cue, cueBits } from '../polarity/polarity-words.js';
import { declareRule } from '../rule-precondition.js';
import { anchoredElsewhere } from '../values/value-slots.js';
import { saidAcrossClauses } from './across-clauses.js';
import { turnsOtherClaim } from './added-negation.js';
import { addsAside } from './adds-aside.js';
import { readsAsBaseline } from './baseline-reading.js';
import { agreesThroughBaseline } from './baseline-triangle.js';
import { listAgrees } from './clause-items.js';
import { directionCue } from './direction-differs.js';
import { opposed } from './opposed.js';
import { modalityDiffers } from './polarity-agreement.js';
import { polarityEvidence, prefixCue } from './polarity-evidence.js';
import { sentenceAgrees } from './sentence-claim.js';
import { deniesUnnamedSubject } from './unnamed-subject.js';
import { differsInUnpairedPart } from './unpaired-part.js';

/**
 * {@link diffPolarity}'s precondition against a counterpart `p` (rule-precondition.ts): without
 * baselines it reports only where {@link opposed} holds (the negation counts differ, or "free" is in
 * either clause, or both name a direction, or either holds a word with a negating prefix) or where
 * the modal scale differs; with baselines it also reads their clauses, so it is asked always.
 */
export const polarityRule = declareRule(
  'polarity flip or modality change',
  'clauses',
  [
    { differ: negatedTrait | modalityTraits },
    { either: { traits: freeTrait, cues: prefixCue } },
    { both: { cues: directionCue } },
    { baselines: true },
  ],
  (input, p, c) => c !== undefined && diffPolarity(c, p, input, defaultFactDiffOptions) !== undefined,
);

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
  context: PolarityContext,
  o: { readonly alignClause: number; readonly maxClauses: number },
): Omit<Difference, 'path'> | undefined {
  const { original, candidate, baselines } = context;
  const claim = !c.framing && !c.condition && !isHeading(c);
  // A one-word claim ("Cancellations are free") is compared only with the same one word, its words
  // of modality aside ("No appointment is needed" / "An appointment is required").
  const sized = p !== undefined && (p.content.length >= 2 || (p.content.length === 1 && sameOneWord(p, c)));
  if (claim && p !== undefined && sized && !p.framing && !p.condition) {
    // Production varies here when a baseline's version of the original's clause says it the
    // candidate's way, and no more of the baselines' versions say it the original's way than that:
    // one baseline read the other way among several that agree with the original is more likely
    // misread (a "-free" compound, "the days without print") than production varying.
    // A flip production varies on does not hide a change of modality it does not vary on ("may turn
    // on alerts to prevent a fee" → "need to turn on alerts to prevent a fee").
    // One clause the other word for word with an aside of its own: the aside is an addition, not a flip.
    const flip =
      (opposed(p, c) || turnsOtherClaim(p, c, original.clauses)) &&
      !addsAside(p, c, original.clauses) &&
      !differsInUnpairedPart(p, c, original.clauses) &&
      !deniesUnnamedSubject(p, c)
        ? difference(
            'polarity_flip',
            p,
            c,
            context,
            o,
            // The baseline must say the opposite of the original about what the original negates: one
            // that leaves it out ("Site 42 is for tents only" against "…with no electric hookup") excuses nothing.
            byBaseline(
              'baselinesSayItTheCandidatesWay',
              baselinesSayItTheCandidatesWay(
                c,
                p,
                original,
                baselines,
                o,
                (b) => !opposed(b, c, false) && opposed(b, p),
                (b) => !opposed(b, p, false),
              ),
            ),
          )
        : undefined;
    if (flip !== undefined && flip.explainedByNoise !== true) {
      // Every baseline's wording of the claim reads as the candidate's: no flip of this clause (the
      // other rules still compare the sentence; a flip shown as noise here would stop the edited-
      // sentence rule from reporting its own, and hold-outs 3, 4 and 9 lost caught negations so).
      // Or the baselines say it as the original does, and the candidate as they do.
      return readsAsBaseline(c, p, candidate, baselines, o, opposed) ||
        agreesThroughBaseline(c, p, original, candidate, baselines, o, opposed)
        ? undefined
        : flip;
    }
    // A modal of a time clause ("before you can…") against one of a main clause: no claim moved.
    if (modalityDiffers(c.polarity, p.polarity) && modalOutsideMainPart(c.tokens) === modalOutsideMainPart(p.tokens)) {
      const by = baselinesSayItTheCandidatesWay(
        c,
        p,
        original,
        baselines,
        o,
        (b) => !modalityDiffers(deontic(b), c.polarity) && modalityDiffers(deontic(b), p.polarity),
        (b) => deontic(b).modality === p.polarity.modality,
      );
      const varies = by < 0 ? undefined : { test: 'baselinesSayItTheCandidatesWay (modality)', baseline: by };
      const change = varies === undefined || flip === undefined ? difference('modality_change', p, c, context, o, varies) : undefined;
      if (change !== undefined) return change;
    }
    if (flip !== undefined) return flip;
    // The original states no modality there ("Call us to open one"): the baselines that say it
    // closely judge the candidate's, when they all state another ("you can call us" / "you must").
    if (p.polarity.modality === null && c.polarity.modality !== null && !modalOutsideMainPart(c.tokens)) {
      const theirs = closeClauses(c, original, candidate, baselines, o);
      const first = theirs[0];
      if (first !== undefined && theirs.every((x) => !opposed(x, c) && modalityDiffers(x.polarity, c.polarity)))
        return difference('modality_change', first, c, context, o, undefined);
    }
    // The negation sets the two apart but governs a word the original's clause does not say ("There
    // will be an impact on your credit score" / "…won't be affected"): the baselines that say it
    // closely, in the candidate's words, judge it when they all say it the other way.
    if (baselines.length > 0 && c.content.length >= 2 && !opposed(p, c) && opposed(p, c, false)) {
      const theirs = closeClauses(c, original, candidate, baselines, o);
      const scoped = theirs.find((x) => opposed(x, c));
      if (scoped !== undefined && theirs.every((x) => opposed(x, c, false)))
        return difference('polarity_flip', scoped, c, context, o, undefined);
    }
  } else if (claim && baselines.length > 0 && c.content.length >= 2) {
    // The original words this claim too differently to pair with it: the baselines that say it
    // closely (a mutual best match) judge its polarity and modality, when they all agree; not where
    // the original says it in several clauses of one sentence.
    const theirs = closeClauses(c, original, candidate, baselines, o);
    if (theirs.length > 0 && saidAcrossClauses(c, original, candidate, opposed, o)) return undefined;
    const first = theirs[0];
    if (first !== undefined && theirs.every((x) => opposed(x, c))) return difference('polarity_flip', first, c, context, o, undefined);
    if (
      first !== undefined &&
      c.polarity.modality !== null &&
      theirs.every((x) => !opposed(x, c) && modalityDiffers(x.polarity, c.polarity))
    )
      return difference('modality_change', first, c, context, o, undefined);
  }
  return undefined;
}

// Words of modality ("required", "optional", "recommended"): not what a claim is about.
const modalCues = cue.necessity | cue.advice | cue.possibility;

/** The content words of a clause but its words of modality. */
function claimWords(x: ClauseFacts): string[] {
  return x.tokens.filter((t) => (cueBits(t, undefined) & modalCues) === 0).flatMap((t) => contentWords(t.core));
}

/** Whether two clauses say one and the same content word, words of modality aside. */
function sameOneWord(p: ClauseFacts, c: ClauseFacts): boolean {
  if (c.content.length === 1) return p.content[0] === c.content[0];
  if (c.content.length > 3) return false;
  const a = claimWords(p);
  const b = claimWords(c);
  return a.length === 1 && b.length === 1 && a[0] === b[0];
}

/**
 * The difference found, unless the two sentences, read as wholes, do not make it (where each cut
 * its clauses). A module function, not a closure made per clause (under tsx, how the benches and
 * the pool's threads run, each named closure costs an `Object.defineProperty`).
 */
function difference(
  kind: 'polarity_flip' | 'modality_change',
  from: ClauseFacts,
  to: ClauseFacts,
  { original, candidate, baselines }: PolarityContext,
  o: { readonly alignClause: number; readonly maxClauses: number },
  varies: Excuse | undefined,
): (Omit<Difference, 'path'> & { readonly explainedByNoise?: boolean }) | undefined {
  const sheet = kind === 'polarity_flip' ? [original, ...baselines].find((s) => s.clauses.includes(from)) : undefined;
  if (sheet !== undefined && sentenceAgrees(from, sheet, to, candidate, opposed, o.maxClauses)) return undefined;
  const home = sheet ?? [original, ...baselines].find((s) => s.clauses.includes(from));
  if (home !== undefined && listAgrees(from, home, to, candidate, [original, ...baselines], { opposed, ...o })) return undefined;
  return reported(kind, from, to, varies);
}

/**
 * A baseline clause's place on the modal scale by what it says: a permission denied ("nobody can
 * be in the house") obliges ("you'll need to stay out"), so it excuses no candidate that only
 * permits it ("you may prefer to stay out").
 */
function deontic(b: ClauseFacts): ClausePolarity {
  return b.polarity.forbids === true ? { ...b.polarity, modality: 'necessity' } : b.polarity;
}

/**
 * Where more of the baselines' versions of the original's clause `p` say it the candidate's way
 * (`test`) than the original's (`agrees`), at least one, the first that does (else -1): see
 * {@link diffPolarity}. A module function, not a closure made per clause.
 */
function baselinesSayItTheCandidatesWay(
  c: ClauseFacts,
  p: ClauseFacts,
  original: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
  test: (b: ClauseFacts) => boolean,
  agrees: (b: ClauseFacts) => boolean,
): number {
  let candidates = 0;
  let originals = 0;
  let first = -1;
  for (const [i, b] of baselines.entries()) {
    // The baseline's clause must be the original clause's counterpart both ways (mutual best
    // match): a loose match to some other sentence would excuse a real flip.
    const a = counterpart(p, b, original, o.alignClause, o.maxClauses);
    if (a === undefined || a.condition || align(a, original, o.maxClauses)?.clause !== p) continue;
    // A condition ("If you change the date") states no claim of its own, and the baseline's
    // clause must be the candidate's close best match there too, or it is about another sentence
    // (a differently worded baseline that the antonym rules read the other way excuses nothing).
    const toCandidate = align(c, b, o.maxClauses);
    if ((toCandidate?.score ?? 0) >= o.alignClause && toCandidate?.clause === a && test(a)) {
      candidates++;
      if (first < 0) first = i;
    } else if (agrees(a)) originals++;
  }
  return candidates > 0 && candidates >= originals ? first : -1;
}

/**
 * The baselines' clauses that say closely what candidate clause `c` says (a mutual best match),
 * claims only; not one that a value of `c` ties to another clause (of the original or that baseline).
 */
function closeClauses(
  c: ClauseFacts,
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
): ClauseFacts[] {
  return baselines.flatMap((b) => {
    const a = align(c, b, o.maxClauses);
    const x = a?.clause;
    return x !== undefined &&
      (a?.score ?? 0) >= o.alignClause &&
      x.content.length >= 2 &&
      !x.condition &&
      !x.framing &&
      align(x, candidate, o.maxClauses)?.clause === c &&
      !anchoredElsewhere(c, x, [original, b], o.maxClauses)
      ? [x]
      : [];
  });
}

function reported(
  kind: 'polarity_flip' | 'modality_change',
  from: ClauseFacts,
  c: ClauseFacts,
  varies: Excuse | undefined,
): Omit<Difference, 'path'> & { readonly explainedByNoise?: boolean } {
  return {
    kind,
    key: kind === 'polarity_flip' ? 'fact:polarity' : 'fact:modality',
    severity: 'high',
    message: polarityEvidence(from, c),
    original: from.text,
    candidate: c.text,
    ...excusedBy('polarity-diff', varies),
  };
}
