import type { ClauseToken } from '../clauses/split-clauses.js';

// The scope a claim holds over: everyone, every time, whatever happens and as many as wanted (open),
// or only some, only if, up to a limit (bounded). A predicate kept with its scope swapped from one
// to the other says something else ("is present at every birth" → "joins only if complications
// arise", "limited to one per person" → "as many as you like", "refunded if you win" → "kept
// whatever the outcome"), though no word of it negates. Read on the edited words of a kept sentence
// only (edited-sentence.ts), where the rest of the claim is the same: as a cue of whole clauses,
// "only" and "if" are how a paraphrase words a rule as often as a change of it.

/** Words that open a claim's scope to every case: every, always, whatever… */
const open = new Set([
  'every',
  'all',
  'always',
  'each',
  'everyone',
  'everybody',
  'everything',
  'whatever',
  'whichever',
  'whoever',
  'regardless',
  'unlimited',
  'anytime',
  // "at any time", "anywhere on the pavement", "whenever you like": no case left out.
  'any',
  'anywhere',
  'anyone',
  'anybody',
  'anything',
  'whenever',
  'wherever',
]);
/** Words that bound it: only, if, a limit, at most… */
const bounded = new Set(['only', 'if', 'limited', 'limit', 'maximum', 'max', 'capped', 'solely', 'exclusively']);
// Two-word phrases of each side, by their second word: "as many (as you like)", "as much", "no
// matter", "no limit" / "without limit" (not the bounded "limit"); "one per (person)", "up to", "at most".
const openPairs = new Map([
  ['many', 'as'],
  ['much', 'as'],
  ['matter', 'no'],
]);
const boundedPairs = new Map([
  ['per', 'one'],
  ['to', 'up'],
  ['most', 'at'],
]);
const limits = new Set(['limit', 'limits']);

/** Whether a word may name a side of scope (the edited-sentence rules' quick test: the word a phrase ends on counts). */
export function mayNameScope(w: string): boolean {
  return open.has(w) || bounded.has(w) || limits.has(w) || openPairs.has(w) || w === 'per' || w === 'most';
}

/** Which sides of scope a run of words names: bit 1 open, bit 2 bounded. */
function sides(tokens: readonly ClauseToken[]): number {
  let out = 0;
  tokens.forEach((t, i) => {
    const w = t.lower;
    const prev = tokens[i - 1];
    const joined = prev !== undefined && (prev.after ?? '') === '';
    if (limits.has(w)) out |= joined && (prev.lower === 'no' || prev.lower === 'without') ? 1 : 2;
    else if (open.has(w)) out |= 1;
    else if (bounded.has(w)) out |= 2;
    else if (joined && openPairs.get(w) === prev.lower) out |= 1;
    else if (joined && boundedPairs.get(w) === prev.lower) out |= 2;
  });
  return out;
}

/**
 * Whether two runs of words (an edit's two sides) give a claim opposite scopes: one names only the
 * open side and the other only the bounded one. A side naming both ("only … every") takes no side.
 */
export function scopeDiffers(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  const x = sides(a);
  const y = sides(b);
  return (x === 1 && y === 2) || (x === 2 && y === 1);
}

/**
 * Whether the edits of a kept sentence, none of which swaps a scope on its own, take one side of
 * scope out and put the other in apart ("covered only on the Gold plan" → "covered on every plan":
 * "only" dropped, "the Gold" → "every"), and the whole sentences differ so.
 */
export function scopeMoved(
  edits: readonly { readonly from: readonly ClauseToken[]; readonly to: readonly ClauseToken[] }[],
  original: readonly ClauseToken[],
  candidate: readonly ClauseToken[],
): boolean {
  if (edits.length < 2) return false;
  return (
    scopeDiffers(
      edits.flatMap((e) => e.from),
      edits.flatMap((e) => e.to),
    ) && scopeDiffers(original, candidate)
  );
}
