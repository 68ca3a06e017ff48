import { diffArrays } from 'diff';
import { lcsLength, lcsLengthIn } from './lcs-length.js';
import { textTokens } from './text-tokens.js';

/** One piece of a word-level diff, for display. */
export interface TextHunk {
  readonly op: 'equal' | 'delete' | 'insert';
  readonly text: string;
}

/** How the order-aware similarity was computed; past the size caps it degrades, never goes quadratic. */
export type TextDiffMethod = 'identical' | 'word' | 'line' | 'bag';

/** Similarity of two texts and what it was made of; all values in 0..1. */
export interface TextSimilarity {
  /** The blended score used for verdicts: {@link textWeights} of `word` and `bag`. */
  readonly similarity: number;
  /** Order-aware: 2·LCS / (|a| + |b|) over folded words (lines past the size cap). */
  readonly word: number;
  /** Order-insensitive: multiset Dice over folded words, robust to sentence reorder. */
  readonly bag: number;
  /** Shorter / longer word count: catches truncation that keeps every remaining word. */
  readonly lengthRatio: number;
  readonly method: TextDiffMethod;
  readonly wordsA: number;
  readonly wordsB: number;
}

/** Size caps that bound the cost of {@link textSimilarity} and {@link textHunks}. */
export interface TextSimilarityLimits {
  /**
   * Largest `|a|·|b|` (differing words after the common prefix and suffix) run as a word-level
   * LCS; past it lines are used, and past it again for lines only the bag measure. Default 16 M
   * (≈ 0.5 M machine-word steps, a few ms).
   */
  readonly maxLcsCells: number;
  /** Edit-distance budget of the display diff (the `diff` package's Myers). Default 400. */
  readonly maxEditLength: number;
  /** Display hunks kept per pair. Default 40. */
  readonly maxHunks: number;
}

export const defaultTextLimits: TextSimilarityLimits = Object.freeze({ maxLcsCells: 16_000_000, maxEditLength: 400, maxHunks: 40 });

/**
 * Weights of the blend. The bag measure carries more because an LLM paraphrase reorders
 * sentences freely; the order-aware part keeps a reordered-but-complete answer from scoring
 * as identical. Checked on the labelled quality set (docs/benchmarks.md).
 */
export const textWeights = Object.freeze({ word: 0.35, bag: 0.65 });

/** Multiset Dice over interned ids: 2·Σ min(countA, countB) / (|a| + |b|). */
function bagDice(a: readonly number[], b: readonly number[], symbols: number): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Int32Array(symbols);
  for (const t of a) counts[t] = (counts[t] as number) + 1;
  let common = 0;
  for (const t of b) {
    const c = counts[t] as number;
    if (c > 0) {
      common++;
      counts[t] = c - 1;
    }
  }
  return (2 * common) / (a.length + b.length);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function result(word: number, bag: number, a: number, b: number, method: TextDiffMethod): TextSimilarity {
  return {
    similarity: clamp01(textWeights.word * word + textWeights.bag * bag),
    word: clamp01(word),
    bag: clamp01(bag),
    lengthRatio: a + b === 0 ? 1 : Math.min(a, b) / Math.max(a, b),
    method,
    wordsA: a,
    wordsB: b,
  };
}

/** Folded words of both texts as small integers shared by both sides, for counting and the LCS. */
function internTokens(a: readonly string[], b: readonly string[]): { a: number[]; b: number[]; symbols: number } {
  const ids = new Map<string, number>();
  const map = (tokens: readonly string[]): number[] => {
    const out: number[] = [];
    for (const t of tokens) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      out.push(id);
    }
    return out;
  };
  const ia = map(a);
  const ib = map(b);
  return { a: ia, b: ib, symbols: ids.size };
}

function internLines(a: readonly string[], b: readonly string[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const map = (list: readonly string[]): number[] =>
    list.map((t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      return id;
    });
  return [map(a), map(b)];
}

/**
 * Text similarity robust to LLM paraphrase: an order-aware word LCS blended with an
 * order-insensitive multiset Dice. Cost is bounded: the common prefix and suffix are stripped in
 * linear time, the LCS is bit-parallel, and past `maxLcsCells` it runs on lines and then not at
 * all (bag only), so a 1 MB pair never goes quadratic.
 */
export function textSimilarity(a: string, b: string, limits: TextSimilarityLimits = defaultTextLimits): TextSimilarity {
  const wordsA = textTokens(a);
  return similarityOfTokens(a, b, wordsA, a === b ? wordsA : textTokens(b), limits);
}

/**
 * {@link textSimilarity} of two texts whose {@link textTokens} the caller already has (one
 * tokenizer pass per answer serves the similarity, the cut-answer and the language checks).
 */
export function similarityOfTokens(
  a: string,
  b: string,
  wordsA: readonly string[],
  wordsB: readonly string[],
  limits: TextSimilarityLimits = defaultTextLimits,
): TextSimilarity {
  if (a === b) return result(1, 1, wordsA.length, wordsA.length, 'identical');
  const { a: ta, b: tb, symbols } = internTokens(wordsA, wordsB);
  return similarityOfSymbols(a, b, ta, tb, symbols, limits);
}

/**
 * {@link textSimilarity} of two texts given their folded words as small integers shared by both
 * sides (`symbols` of them: ids below it).
 */
export function similarityOfSymbols(
  a: string,
  b: string,
  ta: readonly number[],
  tb: readonly number[],
  symbols: number,
  limits: TextSimilarityLimits,
): TextSimilarity {
  if (a === b) return result(1, 1, ta.length, ta.length, 'identical');
  const bag = bagDice(ta, tb, symbols);
  if (ta.length === 0 || tb.length === 0) {
    const same = ta.length === tb.length ? 1 : 0;
    return result(same, same, ta.length, tb.length, 'word');
  }
  let pre = 0;
  while (pre < ta.length && pre < tb.length && ta[pre] === tb[pre]) pre++;
  let suf = 0;
  while (suf < ta.length - pre && suf < tb.length - pre && ta[ta.length - 1 - suf] === tb[tb.length - 1 - suf]) suf++;
  const total = ta.length + tb.length;
  const midA = ta.length - pre - suf;
  const midB = tb.length - pre - suf;
  if (midA * midB <= limits.maxLcsCells) {
    const common = pre + suf + lcsLengthIn(ta, pre, ta.length - suf, tb, pre, tb.length - suf);
    return result((2 * common) / total, bag, ta.length, tb.length, 'word');
  }
  const la = lines(a);
  const lb = lines(b);
  if (la.length * lb.length <= limits.maxLcsCells) {
    const [ia, ib] = internLines(la, lb);
    return result((2 * lcsLength(ia, ib)) / (la.length + lb.length), bag, ta.length, tb.length, 'line');
  }
  // Too large for any ordered measure within budget: the bag measure stands for both.
  return result(bag, bag, ta.length, tb.length, 'bag');
}

function lines(text: string): string[] {
  return text
    .toLowerCase()
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

function cap(text: string): string {
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

const rawWordPattern = /\S+/g;

/**
 * Word-level display hunks (the `diff` package's Myers over words, compared folded). Bounded by
 * an edit budget: `undefined` when the texts differ too much to show a useful diff. Computed on
 * demand by renderers, not stored per pair.
 */
export function textHunks(a: string, b: string, limits: TextSimilarityLimits = defaultTextLimits): TextHunk[] | undefined {
  const wa = a.match(rawWordPattern) ?? [];
  const wb = b.match(rawWordPattern) ?? [];
  // Display only: on texts past the LCS cap a readable word diff is not worth its cost.
  if (wa.length * wb.length > limits.maxLcsCells) return undefined;
  const key = (w: string): string => textTokens(w).join(' ') || w;
  const changes = diffArrays(wa, wb, { maxEditLength: limits.maxEditLength, comparator: (x, y) => x === y || key(x) === key(y) });
  if (changes === undefined) return undefined;
  const hunks: TextHunk[] = [];
  for (const c of changes) {
    if (hunks.length >= limits.maxHunks) break;
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const words = c.value;
    const text = op === 'equal' && words.length > 12 ? `${words.slice(0, 5).join(' ')} ... ${words.slice(-5).join(' ')}` : words.join(' ');
    hunks.push({ op, text: cap(text) });
  }
  return hunks;
}
