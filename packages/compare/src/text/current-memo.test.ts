import { describe, expect, it } from 'vitest';
import { type ClauseToken, clauseTokens } from '../facts/clauses/split-clauses.js';
import { directionDiffers } from '../facts/flips/direction-differs.js';
import { cue, cueBits } from '../facts/polarity/polarity-words.js';
import { currentMemo, currentWordIds, maxWords, memoSlots, type WordIds } from './word-ids.js';

/** The one token of `word` read with `words`. */
function tokenOf(word: string, words: WordIds): ClauseToken {
  const [t] = clauseTokens(word, words);
  if (t?.id === undefined) throw new Error(`no token for ${word}`);
  return t;
}

/** Fills the current table so that the next answer starts a fresh one; returns the fresh one. */
function freshTable(): WordIds {
  const old = currentWordIds();
  for (let i = old.size; i < maxWords; i++) old.id(`filler-${i}`);
  const fresh = currentWordIds();
  expect(fresh).not.toBe(old);
  return fresh;
}

/** Interns fillers into `words` until `word` gets id `id` there (a token of an older table with that id names another word). */
function internAt(words: WordIds, id: number, word: string): ClauseToken {
  while (words.size < id) words.id(`other-${words.size}`);
  const t = tokenOf(word, words);
  expect(t.id).toBe(id);
  return t;
}

describe('per-word memos of the current table, for tokens handed without their table', () => {
  it('serve a token read with the current table, and none read with an older one whose id names another word now', () => {
    const old = currentWordIds();
    const dont = tokenOf("don't", old);
    expect(currentMemo(dont.id, dont.lower, memoSlots.polarityCue)).toBeDefined();
    const fresh = freshTable();
    const must = internAt(fresh, dont.id as number, 'must');
    expect(currentMemo(dont.id, dont.lower, memoSlots.polarityCue)).toBeUndefined();
    expect(currentMemo(must.id, must.lower, memoSlots.polarityCue)).toBeDefined();
  });

  it("read an old token's cue bits from its own word, not from the memo of the word its id names now", () => {
    const dont = tokenOf("don't", currentWordIds());
    const fresh = freshTable();
    const must = internAt(fresh, dont.id as number, 'must');
    // The fresh table remembers "must" (a necessity) under that id.
    expect(cueBits(must, fresh.memo(memoSlots.polarityCue)) & cue.necessity).not.toBe(0);
    const bits = cueBits(dont, undefined);
    expect(bits & cue.contracted).not.toBe(0);
    expect(bits & cue.necessity).toBe(0);
  });

  it("tell an old token's direction from its own word", () => {
    const rises = tokenOf('increase', currentWordIds());
    const fresh = freshTable();
    const table = internAt(fresh, rises.id as number, 'table');
    const falls = tokenOf('decrease', fresh);
    // "table" (the word the old id names now) names no direction, and is remembered so.
    expect(directionDiffers([table], [falls])).toBe(false);
    expect(directionDiffers([rises], [falls])).toBe(true);
  });
});
