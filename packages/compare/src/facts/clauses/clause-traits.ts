import { UnderstudyError } from '@understudy/core';
import type { ClausePolarity } from '../polarity/clause-polarity.js';
import type { FactValue } from '../values/fact-value.js';
import type { ClauseToken } from './split-clauses.js';

// What kind of claim a clause makes, as one bit set read once when its answer is read: the clause-
// level twin of the word cues of clause-cues.ts. A trait is a test of what a clause is read with
// (its tokens, polarity, condition flag, values and cue bits) — never of what a rule derives later
// (its framing, an alignment) — declared once, at a module's load:
//
//     const deniesTrait = defineTrait('denies', (c) => c.polarity.negated && !c.condition);
//
// A rule's precondition (rule-precondition.ts) names the traits and cues a pair must hold for the
// rule to find anything; the engine tests it with a few bit operations and asks the rule only there.

/** What a trait's test reads of a clause: what the clause was read with. */
export interface TraitSubject {
  readonly tokens: readonly ClauseToken[];
  readonly polarity: ClausePolarity;
  readonly condition: boolean;
  readonly values: readonly FactValue[];
  readonly cues: number;
}

/** A trait's test of a clause. */
export type TraitTest = (c: TraitSubject) => boolean;

interface Trait {
  readonly name: string;
  readonly test: TraitTest;
}

// Bit operations are on 32-bit integers: 31 traits, the sign bit left alone.
const maxTraits = 31;
const traits: Trait[] = [];
// Set once any clause's traits are read: a trait defined after that would be missing from bits already read.
let sealed = false;

/**
 * Declares a trait (a kind of claim a rule needs a clause to make) and returns its bit. Called at a
 * module's load, before any answer is read; a trait defined later, twice, or more than 31 of them
 * is a programming error (`internal`).
 */
export function defineTrait(name: string, test: TraitTest): number {
  if (traits.some((t) => t.name === name)) throw new UnderstudyError('internal', `trait "${name}" defined twice`);
  if (sealed) throw new UnderstudyError('internal', `trait "${name}" defined after answers were read: define traits at module load`);
  if (traits.length >= maxTraits) throw new UnderstudyError('internal', `trait "${name}": at most ${maxTraits} traits`);
  traits.push({ name, test });
  return 1 << (traits.length - 1);
}

/** The traits of one clause. */
export function clauseTraits(c: TraitSubject): number {
  sealed = true;
  let bits = 0;
  for (let i = 0; i < traits.length; i++) if ((traits[i] as Trait).test(c)) bits |= 1 << i;
  return bits;
}

/** The names of the traits set in `bits`, in the order they were defined (for tests and diagnostics). */
export function traitNames(bits: number): string[] {
  return traits.filter((_, i) => (bits & (1 << i)) !== 0).map((t) => t.name);
}

/**
 * A clause's content words as a 32-bit set: each word id of `ids` sets one bit (by a hash of the id).
 * Two clauses of answers read with one word table that share a content word share a bit, so where
 * the bits of two clauses have none in common they share no content word (rule-precondition.ts,
 * the `shared` occasion); a common bit may be a collision.
 */
export function contentBits(ids: readonly number[]): number {
  let bits = 0;
  for (const id of ids) bits |= 1 << (Math.imul(id, 0x9e3779b1) >>> 27);
  return bits;
}

// The polarity traits, read by several rules: one bit per value, so that two clauses differ in a
// trait exactly where they differ in what it reads (a modality is one of three bits, or none).
/** An odd number of negation cues ({@link ClausePolarity.negated}). */
export const negatedTrait = defineTrait('negated', (c) => c.polarity.negated);
/** "free" in its price sense counted among the negations. */
export const freeTrait = defineTrait('free', (c) => c.polarity.free === true);
export const necessityTrait = defineTrait('necessity', (c) => c.polarity.modality === 'necessity');
export const adviceTrait = defineTrait('advice', (c) => c.polarity.modality === 'advice');
export const possibilityTrait = defineTrait('possibility', (c) => c.polarity.modality === 'possibility');
/** Where a clause stands on the modal scale, whichever it is. */
export const modalityTraits = necessityTrait | adviceTrait | possibilityTrait;
