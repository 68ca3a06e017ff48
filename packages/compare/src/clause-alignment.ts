import type { ClauseFacts, FactSheet } from './fact-sheet.js';
import { hasDigit } from './word-forms.js';

// Which clause of one answer says what a clause of another says: content-word overlap (Dice),
// counted through a per-answer index of clauses by word, memoized per pair. The fact rules
// (fact-diff.ts) compare values and polarity on the pairs found here.

/** The clause of another answer that best matches one, and how well (Dice of content words). */
export interface Aligned {
  readonly clause: ClauseFacts;
  readonly score: number;
}

/** Dice overlap of two clauses' content-word sets, given how many words they share. */
function diceOf(a: ClauseFacts, b: ClauseFacts, common: number): number {
  const x = a.contentSet.size;
  const y = b.contentSet.size;
  if (x === 0 || y === 0) return 0;
  return (2 * common) / (x + y);
}

// Best clause of a sheet for a clause, memoized: the same pair is asked for by several rules.
const alignments = new WeakMap<ClauseFacts, WeakMap<FactSheet, Aligned | null>>();

/** The clause of `sheet` (of its `max` first) that best matches `c`, memoized per pair. */
export function align(c: ClauseFacts, sheet: FactSheet, max: number): Aligned | undefined {
  const known = alignments.get(c)?.get(sheet);
  if (known !== undefined) return known ?? undefined;
  const found = alignUncached(c, sheet, max);
  remember(c, sheet, found);
  return found;
}

function alignUncached(c: ClauseFacts, sheet: FactSheet, max: number): Aligned | undefined {
  const n = Math.min(sheet.clauses.length, max);
  return bestOf(c, sheet, n, sharedWords(c, sheet, n));
}

/** Records `found` as the best clause of `sheet` for `c` (what {@link alignUncached} returns), unless known. */
function remember(c: ClauseFacts, sheet: FactSheet, found: Aligned | undefined): void {
  let bySheet = alignments.get(c);
  if (bySheet === undefined) {
    bySheet = new WeakMap();
    alignments.set(c, bySheet);
  }
  if (!bySheet.has(sheet)) bySheet.set(sheet, found ?? null);
}

/** The first clause of the `n` first of `sheet` with the highest overlap with `c`, given the shared-word counts. */
function bestOf(c: ClauseFacts, sheet: FactSheet, n: number, common: Int32Array): Aligned | undefined {
  let best: Aligned | undefined;
  for (let i = 0; i < n; i++) {
    const o = sheet.clauses[i];
    if (o === undefined) continue;
    const score = diceOf(c, o, common[i] ?? 0);
    if (best === undefined || score > best.score) best = { clause: o, score };
  }
  return best;
}

// Clause indices of a sheet by content word: overlaps are counted from the words a clause has,
// not by testing every pair of clauses.
const postings = new WeakMap<FactSheet, Map<string, number[]>>();

function postingsOf(sheet: FactSheet): Map<string, number[]> {
  let index = postings.get(sheet);
  if (index === undefined) {
    index = new Map();
    sheet.clauses.forEach((o, i) => {
      for (const w of o.contentSet) {
        const list = index?.get(w);
        if (list === undefined) index?.set(w, [i]);
        else list.push(i);
      }
    });
    postings.set(sheet, index);
  }
  return index;
}

/** Content words `c` shares with each of the first `n` clauses of `sheet` (the common count of {@link diceOf}). */
function sharedWords(c: ClauseFacts, sheet: FactSheet, n: number): Int32Array {
  const common = new Int32Array(n);
  const index = postingsOf(sheet);
  for (const w of c.contentSet) {
    const list = index.get(w);
    if (list === undefined) continue;
    for (const i of list) if (i < n) common[i] = (common[i] ?? 0) + 1;
  }
  return common;
}

// Words that occur in one clause of an answer only: the topic of that clause ("breakfast").
const distinctiveWords = new WeakMap<FactSheet, Set<string>>();

function distinctive(sheet: FactSheet): Set<string> {
  let set = distinctiveWords.get(sheet);
  if (set === undefined) {
    const counts = new Map<string, number>();
    for (const c of sheet.clauses) for (const w of c.contentSet) counts.set(w, (counts.get(w) ?? 0) + 1);
    set = new Set();
    for (const [w, n] of counts) if (n === 1 && w.length >= 4 && !hasDigit(w)) set.add(w);
    distinctiveWords.set(sheet, set);
  }
  return set;
}

/**
 * The clause of `sheet` that says what `c` says, for comparing polarity: a close wording
 * (Dice ≥ `strict`), or a looser one (≥ `strict / 2`) that shares a word both answers use in
 * that clause only — a reworded sentence about the same thing ("comes without breakfast" /
 * "covers breakfast").
 */
export function counterpart(c: ClauseFacts, sheet: FactSheet, candidate: FactSheet, strict: number, max: number): ClauseFacts | undefined {
  const best = align(c, sheet, max);
  if (best === undefined) return undefined;
  if (best.score >= strict) return best.clause;
  if (best.score < strict / 2) return undefined;
  const mine = distinctive(candidate);
  const theirs = distinctive(sheet);
  return c.content.some((w) => mine.has(w) && theirs.has(w) && best.clause.content.includes(w)) ? best.clause : undefined;
}

/**
 * Pairs candidate clauses with the original's one to one, best overlap first: a reworded answer
 * pairs every clause, an answer with an invented sentence has one left over. Returns the
 * candidate clauses that found a partner sharing at least one content word; clauses `skip` says
 * are no claim (framing) take no part.
 */
export function matchClauses(original: FactSheet, candidate: FactSheet, max: number, skip: (c: ClauseFacts) => boolean): Set<ClauseFacts> {
  const n = Math.min(original.clauses.length, max);
  const os = original.clauses.slice(0, n).map((c) => !skip(c));
  const cs = candidate.clauses.slice(0, max).filter((c) => !skip(c));
  const pairs: { c: ClauseFacts; o: ClauseFacts; score: number }[] = [];
  for (const c of cs) {
    const common = sharedWords(c, original, n);
    for (let i = 0; i < n; i++) {
      const o = original.clauses[i];
      if (o === undefined || !os[i] || common[i] === 0) continue;
      const score = diceOf(c, o, common[i] ?? 0);
      if (score > 0) pairs.push({ c, o, score });
    }
    // The same counts give c's best clause of the original: remember it for align().
    remember(c, original, bestOf(c, original, n, common));
  }
  pairs.sort((x, y) => y.score - x.score);
  const usedO = new Set<ClauseFacts>();
  const matched = new Set<ClauseFacts>();
  for (const p of pairs) {
    if (matched.has(p.c) || usedO.has(p.o)) continue;
    matched.add(p.c);
    usedO.add(p.o);
  }
  return matched;
}
