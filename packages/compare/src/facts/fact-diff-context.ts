import type { Difference } from '../report/divergence-report.js';
import { isGreeting } from './claims/greeting.js';
import { statesValueClaim } from './claims/states-claim.js';
import { align, matchClauses } from './clauses/clause-alignment.js';
import type { ClauseFacts, FactSheet } from './clauses/fact-sheet.js';
import type { FactDiffOptions } from './fact-diff-options.js';
import { statesFigureFor } from './values/bare-figure.js';
import { codeSpelledOut } from './values/code-span.js';
import { entitySupported } from './values/entity-support.js';
import type { FactValue } from './values/fact-value.js';
import { excusesChange, spansBoth } from './values/rounded-value.js';
import { someClauseStates } from './values/some-clause-states.js';
import { sheetValues, ValueIndex } from './values/value-index.js';
import { clauseStates, sameSlot } from './values/value-slots.js';

/**
 * What the passes of `diffFacts` (fact-diff.ts) share for one comparison: the answers, their value
 * indexes, the clause pairing, the values the candidate no longer states, and the differences found
 * so far with the values they used (each pass appends to `out` and marks `used`, in order).
 */
export interface FactDiffContext {
  readonly original: FactSheet;
  readonly candidate: FactSheet;
  readonly baselines: readonly FactSheet[];
  /** The original, then the baselines. */
  readonly production: readonly FactSheet[];
  readonly options: FactDiffOptions;
  readonly candIndex: ValueIndex;
  /** Candidate clauses paired one to one with an original clause (not a new claim). */
  readonly matched: ReadonlyMap<ClauseFacts, ClauseFacts>;
  /** The original's values the candidate no longer states, computed once (a 1 MB answer has thousands). */
  readonly droppedValues: readonly FactValue[];
  readonly droppedSet: ReadonlySet<FactValue>;
  /** Original values a difference already names. */
  readonly used: Set<FactValue>;
  /** Differences found so far. */
  readonly out: Difference[];
  /** Some production answer states `v`. */
  supported(v: FactValue): boolean;
  /** A production clause states `v` and says what candidate clause `c` says (or `mine`, its aligned clause, states it). */
  supportedHere(v: FactValue, c: ClauseFacts, mine: ClauseFacts | undefined): boolean;
  /** The baseline that shows production itself varies where the original says `before` and the candidate `v` (-1 for none). */
  variesIn(before: FactValue, v: FactValue): number;
  /** Every baseline states `v`. */
  stable(v: FactValue): boolean;
}

/** The path of the sentence a clause or a sentence-level difference is in. */
export const clausePath = (c: { readonly sentence: number }): string => `text.sentence[${c.sentence}]`;

/** The shared state of one `diffFacts` comparison; all sheets must be on one word table. */
export function factDiffContext(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  options: FactDiffOptions,
): FactDiffContext {
  const o = options;
  const production = [original, ...baselines];
  // Without baselines production is the original: one index serves both.
  const origIndex = sheetValues(original);
  const prodIndex = baselines.length === 0 ? origIndex : new ValueIndex(production.flatMap((s) => s.values));
  const candIndex = sheetValues(candidate);
  const baseIndexes = baselines.map(sheetValues);
  const stable = (v: FactValue): boolean =>
    v.type === 'entity' ? baselines.every((b) => entitySupported(v, [b])) : baseIndexes.every((b) => b.has(v));
  // Production varies on a value where a baseline leaves the original's out and states the
  // candidate's, or another one of that type the original does not state (a rounded figure, another
  // name). A baseline that just leaves it out (a shorter answer) says nothing: "$35" → "$53" stays a
  // change.
  const inOriginal = (x: FactValue): boolean => (x.type === 'entity' ? entitySupported(x, [original]) : origIndex.has(x));
  // The one-word name in a greeting ("Hello, Dana from Brightline here!") is whoever answered: a
  // baseline that greets without it shows production does not keep it.
  const greeter = (before: FactValue, v: FactValue): boolean =>
    before.type === 'entity' && v.type === 'entity' && !before.text.includes(' ') && !v.text.includes(' ') && greetingValues().has(before);
  let greetings: ReadonlySet<FactValue> | undefined;
  const greetingValues = (): ReadonlySet<FactValue> => {
    greetings ??= new Set(original.clauses.filter(isGreeting).flatMap((c) => c.values));
    return greetings;
  };
  const variesIn = (before: FactValue, v: FactValue): number =>
    baselines.findIndex((b, i) => {
      const index = baseIndexes[i] as ValueIndex;
      const states = (x: FactValue): boolean => (x.type === 'entity' ? entitySupported(x, [b]) : index.has(x));
      if (!states(before) && greeter(before, v)) return true;
      // A baseline that states both as one range ("6–7 weeks") varies over it.
      if (states(before)) return states(v) && !inOriginal(v) && spansBoth(b.values, before, v);
      if (states(v) && !inOriginal(v)) return true;
      return b.values.some((x) => x.type === before.type && !x.weak && !inOriginal(x) && excusesChange(x, before, v));
    });
  const supported = (v: FactValue): boolean => (v.type === 'entity' ? entitySupported(v, production) : prodIndex.has(v));
  const dropped = (v: FactValue): boolean =>
    !v.weak && (v.type === 'entity' ? !entitySupported(v, [candidate]) : !candIndex.has(v) && !codeSpelledOut(v, [candidate]));
  const droppedValues = original.values.filter(dropped);
  const matched = matchClauses(original, candidate, o.maxClauses, isFramed, o.claimPair);
  // A production clause that states a value supports one candidate clause stating it: the one that
  // says what it says. "Each year you get 28 days" supports the candidate's "twenty-eight days of
  // leave", not also its "four weeks' notice" (28 days too) where production gave two weeks.
  // A clause the candidate split in two in one sentence ("$87 under $1,000; $112 for $1,000–$3,500")
  // supports each part that comes closest to it and says its words (half of them at least), not a
  // clause that only reuses its value ("…for 48 hours, and you'll be without a bike for those two days").
  const splitFrom = (c: ClauseFacts, x: ClauseFacts, sheet: FactSheet): boolean =>
    align(c, sheet, o.maxClauses)?.clause === x && 2 * c.content.filter((w) => x.contentSet.has(w)).length >= c.content.length;
  const takenBy = (x: ClauseFacts, sheet: FactSheet, v: FactValue, c: ClauseFacts): boolean =>
    someClauseStates(
      candidate,
      v,
      o.maxClauses,
      (d) => d !== c && align(d, sheet, o.maxClauses)?.clause === x && !(d.sentence === c.sentence && splitFrom(c, x, sheet)),
    );
  const droppedSet = new Set(droppedValues);
  const supportedHere = (v: FactValue, c: ClauseFacts, mine: ClauseFacts | undefined): boolean => {
    if (mine !== undefined && clauseStates(mine, v)) return true;
    // Where the original said another value of the slot, which the candidate no longer states, a
    // baseline's clause supports the candidate's only where it states the candidate clause's claim
    // (states-claim.ts): "Submit your request 21 days before" says nothing of "21 days of paid leave
    // per year" where the original gave twenty-two.
    const replaces = droppedValues.some((p) => sameSlot(p, v));
    return production.some((sheet) =>
      someClauseStates(
        sheet,
        v,
        o.maxClauses,
        (x) =>
          !takenBy(x, sheet, v, c) &&
          (sheet === original || (statesFigureFor(x, v, c) && (!replaces || statesValueClaim(x, c, candidate, o.maxClauses)))),
      ),
    );
  };
  return {
    original,
    candidate,
    baselines,
    production,
    options: o,
    candIndex,
    matched,
    droppedValues,
    droppedSet,
    used: new Set<FactValue>(),
    out: [],
    supported,
    supportedHere,
    variesIn,
    stable,
  };
}

/** Whether a clause is about the conversation (memoized on the clause). */
function isFramed(c: ClauseFacts): boolean {
  return c.framing;
}
