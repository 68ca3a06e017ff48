import { UnderstudyError } from '@understudy/core';
import type { ClauseFacts, FactSheet } from './clauses/fact-sheet.js';

// Most rules diffFacts asks of a clause pair or of a pair of answers find nothing there: the two
// clauses hold the same polarity and modality, the original denies nothing, no clause bounds a list
// with "only". A rule may declare a PRECONDITION: the traits (clause-traits.ts) and word cues
// (clause-cues.ts) a pair must hold for the rule to find anything, as a few bit sets; diffFacts tests
// it with bit operations and asks the rule only where it holds:
//
//     export const listRule = declareRule('list past only', 'answers', [{ original: { cues: onlyCue } }], probe);
//     …
//     if (mayFire(listRule, original, candidate, baselines.length)) out.push(...listPastOnly(…));
//
// The precondition must follow from the rule's own guard: where it is false the rule returns
// nothing. rule-precondition.test.ts runs every declared rule (its `probe`) on every pair of the open
// labelled sets, and on pairs fast-check makes from them, where its precondition is false, and fails
// on anything found; a rule whose guard is widened later fails there. A rule that declares nothing
// is asked always (the default).

/** Traits and cues, any one of which a side must hold. */
export interface Needs {
  readonly traits?: number;
  readonly cues?: number;
}

/**
 * One way a rule can find something: every part given must hold. `original` and `candidate` are the
 * two sides as the rule is asked of them (clauses, or whole answers: an answer holds the union of
 * its clauses' bits); `differ`: traits one clause holds and the other does not (clause pairs only:
 * two answers' unions may agree where their clauses differ); `baselines`: the comparison has any.
 */
export interface Occasion {
  readonly original?: Needs;
  readonly candidate?: Needs;
  readonly either?: Needs;
  readonly both?: Needs;
  readonly differ?: number;
  readonly baselines?: true;
  /**
   * The two share a content word: for clauses, their {@link ClauseFacts.contentBits} meet; for
   * answers, a clause of the original holding `original` (any clause where it asks nothing) and one
   * of the candidate holding `candidate` do.
   */
  readonly shared?: true;
}

/** What a side holds: a clause's bits. */
export interface HeldClause {
  readonly traits: number;
  readonly cues: number;
  readonly contentBits: number;
}

/** What a side holds: a clause's bits, or an answer's (the union of its clauses', and its clauses). */
export type Held = HeldClause | { readonly traits: number; readonly cues: number; readonly clauses: readonly HeldClause[] };

/** The answers a probe runs a rule on, and, for a clause rule, the two clauses. */
export interface ProbeInput {
  readonly original: FactSheet;
  readonly candidate: FactSheet;
  readonly baselines: readonly FactSheet[];
}

/** A declared rule. */
export interface DeclaredRule {
  readonly name: string;
  /** What its sides are: a clause of the original and one of the candidate, or the two answers. */
  readonly level: 'clauses' | 'answers';
  /** The occasions on which it can find anything: it is asked where any holds. */
  readonly precondition: readonly Occasion[];
  /**
   * Runs the rule as diffFacts asks it (for a clause rule: `p` of the original or a baseline, `c` of
   * the candidate) and says whether it found anything: what the precondition test checks.
   */
  readonly probe: (input: ProbeInput, p?: ClauseFacts, c?: ClauseFacts) => boolean;
}

const rules: DeclaredRule[] = [];

/** Declares a rule's precondition (call at module load); returns the rule to hand to {@link mayFire}. */
export function declareRule(
  name: string,
  level: DeclaredRule['level'],
  precondition: readonly Occasion[],
  probe: DeclaredRule['probe'],
): DeclaredRule {
  if (rules.some((r) => r.name === name)) throw new UnderstudyError('internal', `rule "${name}" declared twice`);
  if (level === 'answers' && precondition.some((o) => o.differ !== undefined))
    throw new UnderstudyError('internal', `rule "${name}": "differ" compares clauses, not answers`);
  const rule = { name, level, precondition, probe };
  rules.push(rule);
  return rule;
}

/** The declared rules (for tests and diagnostics). */
export function declaredRules(): readonly DeclaredRule[] {
  return rules;
}

/** Whether bits `traits` / `cues` hold any of `n` (or `n` asks nothing). */
const holds = (traits: number, cues: number, n: Needs | undefined): boolean =>
  n === undefined || ((traits & (n.traits ?? 0)) | (cues & (n.cues ?? 0))) !== 0;

/**
 * Whether `rule` can find anything in the pair `original` / `candidate` (clauses or answers, as it
 * declared) of a comparison with `baselines` baselines: some occasion of its precondition holds.
 */
export function mayFire(rule: DeclaredRule, original: Held, candidate: Held, baselines: number): boolean {
  const a = original;
  const b = candidate;
  for (const o of rule.precondition) {
    if (o.baselines === true && baselines === 0) continue;
    if (!holds(a.traits, a.cues, o.original) || !holds(b.traits, b.cues, o.candidate)) continue;
    if (!holds(a.traits | b.traits, a.cues | b.cues, o.either)) continue;
    if (o.both !== undefined && !(holds(a.traits, a.cues, o.both) && holds(b.traits, b.cues, o.both))) continue;
    if (o.differ !== undefined && ((a.traits ^ b.traits) & o.differ) === 0) continue;
    if (o.shared === true && (wordsOf(a, o.original) & wordsOf(b, o.candidate)) === 0) continue;
    return true;
  }
  return false;
}

/** The content bits of a clause, or of an answer's clauses that hold `n` (all where it asks nothing). */
function wordsOf(h: Held, n: Needs | undefined): number {
  if ('contentBits' in h) return h.contentBits;
  let bits = 0;
  for (const c of h.clauses) if (holds(c.traits, c.cues, n)) bits |= c.contentBits;
  return bits;
}
