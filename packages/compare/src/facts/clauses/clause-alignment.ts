import { IdSet } from '../../text/id-set.js';
import { hasDigit } from '../../text/word-forms.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';

// Which clause of one answer says what a clause of another says: content-word overlap (Dice),
// counted through a per-answer index of clauses by word, memoized per pair. The fact rules
// (fact-diff.ts) compare values and polarity on the pairs found here.

/** The clause of another answer that best matches one, and how well (Dice of content words). */
export interface Aligned {
  readonly clause: ClauseFacts;
  readonly score: number;
}

/** What the overlap of a clause is counted on: its content words, each once. */
type Words = Pick<ClauseFacts, 'contentUnique'>;

/** Dice overlap of two clauses' content-word sets, given how many words they share. */
export function diceOf(a: Words, b: Words, common: number): number {
  const x = a.contentUnique.length;
  const y = b.contentUnique.length;
  if (x === 0 || y === 0) return 0;
  return (2 * common) / (x + y);
}

/** The clause of `sheet` (of its `max` first) that best matches `c`, memoized on `c`: the same pair is asked for by several rules. */
export function align(c: ClauseFacts, sheet: FactSheet, max: number): Aligned | undefined {
  const known = c.memo.aligned(sheet, max);
  if (known !== null) return known;
  const found = alignUncached(c, sheet, max);
  c.memo.remember(sheet, max, found);
  return found;
}

/**
 * {@link align} for words that are no clause of a sheet (a claim read as one with its condition), by
 * their content word ids, each once: not memoized, and no clause is built for them.
 */
export function alignWords(contentUnique: readonly number[], sheet: FactSheet, max: number): Aligned | undefined {
  return alignUncached({ contentUnique }, sheet, max);
}

function alignUncached(c: Words, sheet: FactSheet, max: number): Aligned | undefined {
  const n = Math.min(sheet.clauses.length, max);
  return bestOf(c, sheet, n, sharedWords(c, sheet, n));
}

/** The first clause of the `n` first of `sheet` with the highest overlap with `c`, given the shared-word counts. */
function bestOf(c: Words, sheet: FactSheet, n: number, common: Int32Array): Aligned | undefined {
  // The best clause so far by position, its Aligned made once at the end.
  let best: ClauseFacts | undefined;
  let bestScore = 0;
  for (let i = 0; i < n; i++) {
    const o = sheet.clauses[i];
    if (o === undefined) continue;
    const score = diceOf(c, o, common[i] ?? 0);
    if (best === undefined || score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : { clause: best, score: bestScore };
}

// A sheet's clauses' content words laid end to end (each clause's ids once), with where each
// clause starts: overlaps are counted by one pass over typed arrays, no map or list per word.
interface FlatWords {
  readonly ids: Int32Array;
  /** `ids` of clause i are `[starts[i], starts[i + 1])`. */
  readonly starts: Int32Array;
}

function flatWordsOf(sheet: FactSheet): FlatWords {
  let flat = sheet.memo.flatWords;
  if (flat === undefined) {
    const clauses = sheet.clauses;
    let total = 0;
    for (const c of clauses) total += c.contentUnique.length;
    const ids = new Int32Array(total);
    const starts = new Int32Array(clauses.length + 1);
    let k = 0;
    for (let i = 0; i < clauses.length; i++) {
      starts[i] = k;
      for (const w of (clauses[i] as ClauseFacts).contentUnique) ids[k++] = w;
    }
    starts[clauses.length] = k;
    flat = { ids, starts };
    sheet.memo.flatWords = flat;
  }
  return flat;
}

// The counts of sharedWords: one buffer, reused by each call (its caller reads it before the next).
let sharedCounts = new Int32Array(256);
// Per word id, the stamp of the clause whose words sharedWords is counting: reused, never reset.
let marks = new Int32Array(1024);
let mark = 0;

/**
 * Content words `c` shares with each of the first `n` clauses of `sheet` (the common count of
 * {@link diceOf}), in a buffer the next call overwrites.
 */
function sharedWords(c: Words, sheet: FactSheet, n: number): Int32Array {
  if (sharedCounts.length < n) sharedCounts = new Int32Array(Math.max(n, sharedCounts.length * 2));
  const common = sharedCounts;
  common.fill(0, 0, n);
  if (c.contentUnique.length === 0 || n === 0) return common;
  if (marks.length < sheet.words.size) {
    marks = new Int32Array(Math.max(sheet.words.size, marks.length * 2));
    mark = 0;
  }
  if (mark === 0x7fffffff) {
    marks.fill(0);
    mark = 0;
  }
  const stamp = ++mark;
  const seen = marks;
  for (const w of c.contentUnique) seen[w] = stamp;
  const { ids, starts } = flatWordsOf(sheet);
  for (let i = 0; i < n; i++) {
    let shared = 0;
    const end = starts[i + 1] as number;
    for (let k = starts[i] as number; k < end; k++) if (seen[ids[k] as number] === stamp) shared++;
    common[i] = shared;
  }
  return common;
}

// Words that occur in one clause of an answer only: the topic of that clause ("breakfast"), by
// id, in an IdSet.

// Per word id, how many clauses of the sheet being counted use it: reused, zeroed after each count.
let clauseCounts = new Int32Array(1024);

/** The words each used in one clause of an answer only (four letters or more, no digit), memoized on the sheet. */
export function distinctive(sheet: FactSheet): IdSet {
  let set = sheet.memo.distinctive;
  if (set === undefined) {
    if (clauseCounts.length < sheet.words.size) clauseCounts = new Int32Array(Math.max(sheet.words.size, clauseCounts.length * 2));
    const counts = clauseCounts;
    for (const c of sheet.clauses) for (const w of c.contentUnique) counts[w] = (counts[w] ?? 0) + 1;
    const found: number[] = [];
    for (const c of sheet.clauses)
      for (const w of c.contentUnique) {
        if (counts[w] === 1) {
          const word = sheet.words.words[w] as string;
          if (word.length >= 4 && !hasDigit(word)) found.push(w);
        }
      }
    for (const c of sheet.clauses) for (const w of c.contentUnique) counts[w] = 0;
    set = new IdSet(found);
    sheet.memo.distinctive = set;
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
  return c.contentIds.some((w) => mine.has(w) && theirs.has(w) && best.clause.contentIds.includes(w)) ? best.clause : undefined;
}

/**
 * The clause of `sheet` of the other polarity (negated where `c` is not, or not where it is) that
 * is about what `c` is about: it shares two or more words each answer uses in that clause only
 * ("We never adjust frames" for "We also adjust frames, along with the saddle…", whose closest
 * wording is the clause about the saddle), with a Dice of at least `strict / 2`. Undefined when none.
 */
export function opposedCounterpart(
  c: ClauseFacts,
  sheet: FactSheet,
  candidate: FactSheet,
  strict: number,
  max: number,
): ClauseFacts | undefined {
  if (c.contentUnique.length < 2) return undefined;
  let best: ClauseFacts | undefined;
  let bestShared = 1;
  let mine: IdSet | undefined;
  let theirs: IdSet | undefined;
  const n = Math.min(sheet.clauses.length, max);
  for (let i = 0; i < n; i++) {
    const x = sheet.clauses[i];
    if (x === undefined || x.condition || x.polarity.negated === c.polarity.negated) continue;
    // Most clauses have no clause of the other polarity to look at: the word sets are made only here.
    mine ??= distinctive(candidate);
    theirs ??= distinctive(sheet);
    let common = 0;
    let shared = 0;
    for (const w of c.contentUnique) {
      if (!x.contentUnique.includes(w)) continue;
      common++;
      if (mine.has(w) && theirs.has(w)) shared++;
    }
    if (shared > bestShared && diceOf(c, x, common) >= strict / 2) {
      best = x;
      bestShared = shared;
    }
  }
  return best;
}

/**
 * Pairs candidate clauses with the original's one to one, best overlap first: a reworded answer
 * pairs every clause, an answer with an invented sentence has one left over. Returns the
 * candidate clauses that found a partner overlapping more than `floor` (Dice), each with its
 * partner; clauses `skip` says are no claim (framing) take no part.
 */
export function matchClauses(
  original: FactSheet,
  candidate: FactSheet,
  max: number,
  skip: (c: ClauseFacts) => boolean,
  floor = 0,
): Map<ClauseFacts, ClauseFacts> {
  const n = Math.min(original.clauses.length, max);
  const os = original.clauses.slice(0, n).map((c) => !skip(c));
  const cs = candidate.clauses.slice(0, max).filter((c) => !skip(c));
  // Candidate pairs sharing a word, as parallel lists; taken best score first, ties in the order
  // found (a stable sort of their indices).
  const pairC: ClauseFacts[] = [];
  const pairO: ClauseFacts[] = [];
  const scores: number[] = [];
  for (const c of cs) {
    const common = sharedWords(c, original, n);
    for (let i = 0; i < n; i++) {
      const o = original.clauses[i];
      if (o === undefined || !os[i] || common[i] === 0) continue;
      const score = diceOf(c, o, common[i] ?? 0);
      if (score > floor) {
        pairC.push(c);
        pairO.push(o);
        scores.push(score);
      }
    }
    // The same counts give c's best clause of the original: remember it for align().
    c.memo.remember(original, max, bestOf(c, original, n, common));
  }
  const order = scores.map((_, k) => k);
  order.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
  const usedO = new Set<ClauseFacts>();
  const matched = new Map<ClauseFacts, ClauseFacts>();
  for (const k of order) {
    const c = pairC[k] as ClauseFacts;
    const o = pairO[k] as ClauseFacts;
    if (matched.has(c) || usedO.has(o)) continue;
    matched.set(c, o);
    usedO.add(o);
  }
  return matched;
}
