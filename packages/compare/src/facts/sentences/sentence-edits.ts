import type { FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import type { ClauseToken } from '../clauses/split-clauses.js';

// A candidate sentence that repeats one of the original's word for word but for a few small edits
// ("You don't need to be home" → "You do need to be home", "Carpet and one table are included" →
// "Carpet, one table and two chairs are included") says what that sentence says except where it
// was edited: the edits are the whole difference, whatever the clause splitter made of the rest.

/** One place where a kept sentence was edited: the original's words `from` became `to`. */
export interface SentenceEdit {
  readonly from: readonly ClauseToken[];
  readonly to: readonly ClauseToken[];
  /** The kept word right before the edit, and right after it (undefined at the sentence's edge). */
  readonly before: ClauseToken | undefined;
  readonly after: ClauseToken | undefined;
  /**
   * Where `to` starts in the candidate's sentence (`NearCopy.candidate`): the place of an edit, since
   * a token object is no place (clause tokens are shared by every occurrence of a word as written).
   */
  readonly at: number;
}

/** A candidate sentence and the original sentence it repeats with edits. */
export interface NearCopy {
  /** The candidate's sentence index (`text.sentence[n]`). */
  readonly sentence: number;
  readonly original: readonly ClauseToken[];
  readonly candidate: readonly ClauseToken[];
  readonly edits: readonly SentenceEdit[];
  /** Share of the longer sentence's words kept, in order. */
  readonly share: number;
  /**
   * The sentence's opening kept (its subject) and all the rest replaced by a short predicate of the
   * candidate's own ("A second guide is present on every climb" → "A second guide joins only if the
   * weather turns"): too few words kept to be an edit, one edit from the end of the kept opening.
   */
  readonly predicate?: boolean;
}

/**
 * Whether the word-by-word diff of original sentence `a` and candidate sentence `b`, which share
 * their first `pre` and last `suf` words, can matter to the caller: `false` leaves the pair out
 * (its edits are all in `a[pre..a.length-suf)` and `b[pre..b.length-suf)`).
 */
export type EditFilter = (a: readonly ClauseToken[], b: readonly ClauseToken[], pre: number, suf: number) => boolean;

/** Words a sentence may hold to be compared word by word (longer ones are read by the clause rules only). */
const maxSentence = 120;
/** Words of each side between the common start and end that the word-by-word diff may read. */
const maxWindow = 40;
/** Share of the longer sentence's words the two must keep, in order, to be one sentence edited: more than three fifths. */
const keptShare = 0.6;

/** The tokens of each sentence of a sheet, its first `maxClauses` clauses only (a one-clause sentence's own tokens, not a copy). */
function sentences(sheet: FactSheet, maxClauses: number): Map<number, readonly ClauseToken[]> {
  const out = new Map<number, readonly ClauseToken[]>();
  const n = Math.min(sheet.clauses.length, maxClauses);
  for (let i = 0; i < n; i++) {
    const c = sheet.clauses[i];
    if (c === undefined) continue;
    const s = out.get(c.sentence);
    out.set(c.sentence, s === undefined ? c.tokens : [...s, ...c.tokens]);
  }
  return out;
}

function commonPrefix(a: readonly ClauseToken[], b: readonly ClauseToken[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i]?.lower === b[i]?.lower) i++;
  return i;
}

function commonSuffix(a: readonly ClauseToken[], b: readonly ClauseToken[], pre: number): number {
  let i = 0;
  while (i < a.length - pre && i < b.length - pre && a[a.length - 1 - i]?.lower === b[b.length - 1 - i]?.lower) i++;
  return i;
}

/**
 * The edits that turn `a[lo..a.length-suf)` into `b[lo..b.length-suf)` (a word-level LCS diff of
 * the two middles, each at most {@link maxWindow} words), and how many middle words they keep.
 */
function diffMiddles(
  a: readonly ClauseToken[],
  b: readonly ClauseToken[],
  pre: number,
  suf: number,
): { edits: SentenceEdit[]; kept: number } {
  const m = a.length - pre - suf;
  const n = b.length - pre - suf;
  // lcs[i][j]: LCS of a's middle from i and b's middle from j, flat.
  const w = n + 1;
  const lcs = new Uint8Array((m + 1) * w);
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[pre + i]?.lower === b[pre + j]?.lower
          ? (lcs[(i + 1) * w + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
  const edits: SentenceEdit[] = [];
  let i = 0;
  let j = 0;
  let from: ClauseToken[] = [];
  let to: ClauseToken[] = [];
  // The pending edit is closed at each kept word and at the end (inline: a closure per call cost a
  // named function's creation per sentence pair under tsx).
  for (;;) {
    const kept = i < m && j < n && a[pre + i]?.lower === b[pre + j]?.lower;
    const end = i >= m && j >= n;
    if ((kept || end) && (from.length > 0 || to.length > 0)) {
      edits.push({ from, to, before: b[pre + j - to.length - 1], after: b[pre + j], at: pre + j - to.length });
      from = [];
      to = [];
    }
    if (end) break;
    if (kept) {
      i++;
      j++;
    } else if (j < n && (i >= m || (lcs[i * w + j + 1] as number) >= (lcs[(i + 1) * w + j] as number))) {
      to.push(b[pre + j] as ClauseToken);
      j++;
    } else {
      from.push(a[pre + i] as ClauseToken);
      i++;
    }
  }
  return { edits, kept: lcs[0] as number };
}

/**
 * The candidate's sentences that repeat an original sentence with edits: for each, the original
 * sentence sharing its first or last word with the longest common start and end, when the two keep
 * more than {@link keptShare} of the longer one's words in order. Identical sentences are left out
 * (nothing was edited), and so are pairs `worthDiffing` rules out before they are diffed. Linear in the answers' length but for the word-by-word diff of each pair's
 * middles, which is bounded ({@link maxWindow}).
 */
export function nearCopies(
  original: FactSheet,
  candidate: FactSheet,
  maxClauses: number,
  worthDiffing: EditFilter = () => true,
): NearCopy[] {
  // The original's sentences by their first word and by their last (read once per answer: sheet-reading.ts).
  const { byFirst, byLast } = sheetReading(original, maxClauses, sentenceEnds);
  const out: NearCopy[] = [];
  for (const [sentence, b] of sentences(candidate, maxClauses)) {
    if (b.length === 0 || b.length > maxSentence) continue;
    let best: readonly ClauseToken[] | undefined;
    let bestPre = 0;
    let bestSuf = 0;
    for (const list of [byFirst.get(b[0]?.lower ?? ''), byLast.get(b[b.length - 1]?.lower ?? '')])
      for (const a of list ?? []) {
        const pre = commonPrefix(a, b);
        const suf = commonSuffix(a, b, pre);
        if (best === undefined || pre + suf > bestPre + bestSuf) {
          best = a;
          bestPre = pre;
          bestSuf = suf;
        }
      }
    if (best === undefined) continue;
    const a = best;
    if (bestPre === a.length && a.length === b.length) continue;
    // The whole sentence kept and words appended to it: one edit at its end, however short it was.
    const tail = bestPre === a.length ? appended(a, b, sentence, worthDiffing) : undefined;
    if (tail !== undefined) {
      out.push(tail);
      continue;
    }
    const longer = Math.max(a.length, b.length);
    const ma = a.length - bestPre - bestSuf;
    const mb = b.length - bestPre - bestSuf;
    // An edit leaves the sentence's ends: a fifth of it kept at its start and end together, and the
    // middles, which the diff reads, short enough; what the diff could keep at most must reach the share.
    if (5 * (bestPre + bestSuf) < longer || ma > maxWindow || mb > maxWindow) continue;
    if (bestPre + bestSuf + Math.min(ma, mb) <= keptShare * longer) {
      const swapped = predicateSwap(a, b, sentence, bestPre, bestSuf, worthDiffing);
      if (swapped !== undefined) out.push(swapped);
      continue;
    }
    if (!worthDiffing(a, b, bestPre, bestSuf)) continue;
    const { edits, kept } = diffMiddles(a, b, bestPre, bestSuf);
    const share = (bestPre + bestSuf + kept) / longer;
    if (share <= keptShare) {
      const swapped = predicateSwap(a, b, sentence, bestPre, bestSuf, () => true);
      if (swapped !== undefined) out.push(swapped);
      continue;
    }
    out.push({ sentence, original: a, candidate: b, edits, share });
  }
  return out;
}

/** A sheet's sentences (of its first `max` clauses, short enough to diff) by their first word and by their last. */
function sentenceEnds(sheet: FactSheet, max: number): { readonly byFirst: SentencesByWord; readonly byLast: SentencesByWord } {
  const byFirst = new Map<string, (readonly ClauseToken[])[]>();
  const byLast = new Map<string, (readonly ClauseToken[])[]>();
  for (const s of sentences(sheet, max).values()) {
    if (s.length === 0 || s.length > maxSentence) continue;
    fileUnder(byFirst, s[0]?.lower ?? '', s);
    fileUnder(byLast, s[s.length - 1]?.lower ?? '', s);
  }
  return { byFirst, byLast };
}

type SentencesByWord = ReadonlyMap<string, readonly (readonly ClauseToken[])[]>;

/** Files sentence `s` under `key` (module-level: tsx names each named closure it creates). */
function fileUnder(map: Map<string, (readonly ClauseToken[])[]>, key: string, s: readonly ClauseToken[]): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [s]);
  else list.push(s);
}

/** The words a sentence must have for words appended to it to be read as an edit, and the most words appended. */
const minKept = 3;
const maxAppended = 12;

/**
 * A sentence kept whole (at least {@link minKept} words) with up to {@link maxAppended} words added
 * after it ("All equipment is supplied" → "All equipment is supplied, and you keep the arrows you shot
 * with"): one edit at its end, whatever share of the longer sentence the kept words are.
 */
function appended(a: readonly ClauseToken[], b: readonly ClauseToken[], sentence: number, worthDiffing: EditFilter): NearCopy | undefined {
  const added = b.length - a.length;
  if (a.length < minKept || added === 0 || added > maxAppended || !worthDiffing(a, b, a.length, 0)) return undefined;
  const edit: SentenceEdit = { from: [], to: b.slice(a.length), before: b[a.length - 1], after: undefined, at: a.length };
  return { sentence, original: a, candidate: b, edits: [edit], share: a.length / b.length };
}

/** The words of a subject a swapped predicate must keep, and the most words each predicate may have. */
const minSubject = 3;
const maxPredicate = 8;

/**
 * A sentence whose opening (at least {@link minSubject} words, and nothing at its end) is kept and
 * whose short rest is replaced: one edit of the two predicates ({@link NearCopy.predicate}).
 */
function predicateSwap(
  a: readonly ClauseToken[],
  b: readonly ClauseToken[],
  sentence: number,
  pre: number,
  suf: number,
  worthDiffing: EditFilter,
): NearCopy | undefined {
  const ma = a.length - pre;
  const mb = b.length - pre;
  if (pre < minSubject || suf > 0 || ma === 0 || mb === 0 || ma > maxPredicate || mb > maxPredicate) return undefined;
  if (!worthDiffing(a, b, pre, 0)) return undefined;
  const edit: SentenceEdit = { from: a.slice(pre), to: b.slice(pre), before: b[pre - 1], after: undefined, at: pre };
  return { sentence, original: a, candidate: b, edits: [edit], share: pre / Math.max(a.length, b.length), predicate: true };
}
