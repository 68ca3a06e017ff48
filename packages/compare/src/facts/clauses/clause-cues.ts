import { UnderstudyError } from '@understudy/core';
import { memoSlots, type WordIds, wordNumber } from '../../text/word-ids.js';
import type { ClauseToken } from './split-clauses.js';

// Which kinds of words a clause holds, as one bit set read once when its answer is read, so that a
// rule which can only fire on a clause holding some word of its kind (a word that says who acts, a
// likelihood, a word that puts an item inside or outside a price) passes over every other clause
// with one test instead of a set look-up per token. A rule declares each cue it needs once, at load:
//
//     const whoCue = defineCue('who', (w) => whoWords.has(w));
//     …
//     if (!holdsCue(c, whoCue)) return [];
//
// The bits are exact only when the rule's own test of a token is the cue's test of the token's
// `lower`: a rule may be skipped only where it would find nothing.

/** A cue's test of a token's `lower` (its apostrophes straight): a function of the word alone. */
export type CueTest = (lower: string) => boolean;

interface Cue {
  readonly name: string;
  readonly test: CueTest;
}

// Bit operations are on 32-bit integers: 31 cues, the sign bit left alone.
const maxCues = 31;
const cues: Cue[] = [];
// Set once any word's bits are read: a cue defined after that would be missing from bits already remembered.
let sealed = false;

/**
 * Declares a cue (a kind of word a rule needs a clause to hold) and returns its bit. Called at a
 * module's load, before any answer is read; a cue defined later, or more than 31 of them, is a
 * programming error (`internal`).
 */
export function defineCue(name: string, test: CueTest): number {
  if (cues.some((c) => c.name === name)) throw new UnderstudyError('internal', `cue "${name}" defined twice`);
  if (sealed) throw new UnderstudyError('internal', `cue "${name}" defined after answers were read: define cues at module load`);
  if (cues.length >= maxCues) throw new UnderstudyError('internal', `cue "${name}": at most ${maxCues} cues`);
  cues.push({ name, test });
  return 1 << (cues.length - 1);
}

/** The names of the cues set in `bits`, in the order they were defined (for tests and diagnostics). */
export function cueNames(bits: number): string[] {
  return cues.filter((_, i) => (bits & (1 << i)) !== 0).map((c) => c.name);
}

/** The cue bits of one word. */
export function wordCues(lower: string): number {
  sealed = true;
  let bits = 0;
  for (let i = 0; i < cues.length; i++) if ((cues[i] as Cue).test(lower)) bits |= 1 << i;
  return bits;
}

/**
 * The union of the cue bits of `tokens`: each word's bits remembered per id of `words` (the table the
 * tokens were read with); a token made by hand (no id) is tested afresh.
 */
export function tokensCues(tokens: readonly ClauseToken[], words: WordIds): number {
  const memo = words.memo(memoSlots.clauseCue);
  let bits = 0;
  for (const t of tokens) {
    if (t.id === undefined || words.words[t.id] !== t.lower) {
      bits |= wordCues(t.lower);
      continue;
    }
    let b = memo[t.id];
    if (b === undefined) {
      b = wordCues(t.lower);
      memo[t.id] = b;
    }
    bits |= b;
  }
  return bits;
}

/**
 * The cue bits of one token handed without its table: remembered per id of the current table when
 * the token was read with it (see word-ids.ts `wordNumber`), else tested afresh.
 */
export function tokenCues(t: ClauseToken): number {
  return wordNumber(t.id, t.lower, memoSlots.clauseCue, wordCues);
}

/** Whether something holding `held` (a clause's or an answer's cue bits) holds any cue of `needed`. */
export function holdsCue(held: { readonly cues: number }, needed: number): boolean {
  return (held.cues & needed) !== 0;
}
