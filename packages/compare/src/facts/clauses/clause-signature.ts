import type { FactValue } from '../values/fact-value.js';
import type { ClauseToken } from './split-clauses.js';

// A clause's signature: one 32-bit number read once when its answer is read, from every word of the
// clause in order (function words too: "we" / "you" or "before" / "after" are what some rules read),
// whether it opens with a condition, and its cue bits. Clauses with different signatures differ;
// equal signatures are confirmed by sameClause(), so a collision costs a string comparison, never
// a wrong answer.

/** Mixes one 32-bit word into a running hash (FNV-1a's multiplier over a word at a time). */
const mix = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193);

/** A word without an id in the table (a token made by hand): its characters hashed. */
function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/**
 * The signature of a clause of these tokens (their lower-case word ids in order, or a word's
 * characters where a token has no id), condition flag and cue bits.
 */
export function clauseSignature(tokens: readonly ClauseToken[], condition: boolean, cues: number): number {
  let h = mix(0x811c9dc5, tokens.length);
  for (const t of tokens) h = mix(h, t.id === undefined ? stringHash(t.lower) : t.id + 1);
  return mix(mix(h, condition ? 1 : 2), cues) | 0;
}

/** What {@link sameClause} compares: everything a clause's rules read of the clause itself. */
export interface SignedClause {
  readonly signature: number;
  readonly text: string;
  readonly condition: boolean;
  readonly values: readonly FactValue[];
}

/**
 * Whether two clauses of answers read with one word table are the same clause: the same words as
 * written (so the same tokens, case and punctuation, hence the same content words, polarity and
 * cues), the same condition flag, and the same values (a value can also depend on its answer's
 * language or on where the clause stands in its sentence, so they are compared, not assumed).
 */
export function sameClause(a: SignedClause, b: SignedClause): boolean {
  if (a.signature !== b.signature || a.condition !== b.condition || a.text !== b.text) return false;
  const n = a.values.length;
  if (b.values.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x = a.values[i] as FactValue;
    const y = b.values[i] as FactValue;
    if (x.type !== y.type || x.weak !== y.weak || x.num !== y.num || x.approximate !== y.approximate || x.text !== y.text) return false;
    if (x.keys.length !== y.keys.length) return false;
    for (let j = 0; j < x.keys.length; j++) if (x.keys[j] !== y.keys[j]) return false;
  }
  return true;
}
