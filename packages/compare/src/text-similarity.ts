import { diffArrays } from 'diff';

/** One piece of a word-level diff, for display. */
export interface TextHunk {
  readonly op: 'equal' | 'delete' | 'insert';
  readonly text: string;
}

/** How the word-order similarity was computed; past the size caps it degrades, never goes quadratic. */
export type TextDiffMethod = 'identical' | 'word' | 'line' | 'bag';

/** Similarity of two texts and what it was made of; all values in 0..1. */
export interface TextSimilarity {
  /** The blended score used for verdicts: {@link textWeights} of `word` and `bag`. */
  readonly similarity: number;
  /** Order-aware: 2·LCS / (|a| + |b|) over folded words (Dice of the longest common subsequence). */
  readonly word: number;
  /** Order-insensitive: multiset Dice over folded words, robust to sentence reorder. */
  readonly bag: number;
  /** Shorter / longer word count: catches truncation that keeps every remaining word. */
  readonly lengthRatio: number;
  readonly method: TextDiffMethod;
  readonly wordsA: number;
  readonly wordsB: number;
  /** Display hunks (bounded), empty when the method is not `word`. */
  readonly hunks: readonly TextHunk[];
}

/** Size caps that bound the cost of {@link textSimilarity}. */
export interface TextSimilarityLimits {
  /** Past this many differing words (both sides) the word diff falls back to lines. Default 6 000. */
  readonly maxDiffTokens: number;
  /** Edit-distance budget of one Myers diff, so dissimilar large texts stop early. Default 1 500. */
  readonly maxEditLength: number;
  /** Display hunks kept per pair. Default 40. */
  readonly maxHunks: number;
}

export const defaultTextLimits: TextSimilarityLimits = Object.freeze({ maxDiffTokens: 6000, maxEditLength: 1500, maxHunks: 40 });

/**
 * Weights of the blend. The bag measure carries more because an LLM paraphrase reorders
 * sentences freely; the order-aware part keeps a reordered-but-complete answer from scoring
 * as identical. Tuned on the labelled quality set (docs/benchmarks.md).
 */
export const textWeights = Object.freeze({ word: 0.35, bag: 0.65 });

const wordPattern = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

// A light suffix fold ("answers"/"answered"/"answering" → "answer"): paraphrases flex words.
function fold(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 4) return w;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') || w.endsWith('es') || w.endsWith('ly')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Folded words of a text (lower case, light suffix folding, punctuation dropped). */
export function textTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(wordPattern)) out.push(fold(m[0]));
  return out;
}

function bagDice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t);
    if (c !== undefined && c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function result(word: number, bag: number, a: number, b: number, method: TextDiffMethod, hunks: readonly TextHunk[]): TextSimilarity {
  return {
    similarity: clamp01(textWeights.word * word + textWeights.bag * bag),
    word: clamp01(word),
    bag: clamp01(bag),
    lengthRatio: a + b === 0 ? 1 : Math.min(a, b) / Math.max(a, b),
    method,
    wordsA: a,
    wordsB: b,
    hunks,
  };
}

function cap(text: string): string {
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

/**
 * Text similarity robust to LLM paraphrase: an order-aware word diff (the `diff` package's
 * Myers over folded words) blended with an order-insensitive multiset Dice. Cost is bounded:
 * common prefix and suffix are stripped in linear time; past `maxDiffTokens` the diff runs on
 * lines, and past the edit budget only the linear bag measure is used, so a 1 MB pair never
 * goes quadratic.
 */
export function textSimilarity(a: string, b: string, limits: TextSimilarityLimits = defaultTextLimits): TextSimilarity {
  if (a === b) {
    const n = textTokens(a).length;
    return result(1, 1, n, n, 'identical', []);
  }
  const ta = textTokens(a);
  const tb = textTokens(b);
  const bag = bagDice(ta, tb);
  if (ta.length === 0 || tb.length === 0) {
    const same = ta.length === tb.length ? 1 : 0;
    return result(same, same, ta.length, tb.length, 'word', []);
  }
  let pre = 0;
  while (pre < ta.length && pre < tb.length && ta[pre] === tb[pre]) pre++;
  let suf = 0;
  while (suf < ta.length - pre && suf < tb.length - pre && ta[ta.length - 1 - suf] === tb[tb.length - 1 - suf]) suf++;
  const midA = ta.slice(pre, ta.length - suf);
  const midB = tb.slice(pre, tb.length - suf);
  const total = ta.length + tb.length;
  if (midA.length + midB.length <= limits.maxDiffTokens) {
    const changes = diffArrays(midA, midB, { maxEditLength: limits.maxEditLength });
    if (changes !== undefined) {
      let common = pre + suf;
      const hunks: TextHunk[] = [];
      for (const c of changes) {
        if (!c.added && !c.removed) common += c.count;
        if (hunks.length < limits.maxHunks) {
          const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
          const words = c.value;
          const text =
            op === 'equal' && words.length > 12 ? `${words.slice(0, 5).join(' ')} ... ${words.slice(-5).join(' ')}` : words.join(' ');
          hunks.push({ op, text: cap(text) });
        }
      }
      return result((2 * common) / total, bag, ta.length, tb.length, 'word', hunks);
    }
  }
  const line = lineSimilarity(a, b, limits);
  if (line !== undefined) return result(line, bag, ta.length, tb.length, 'line', []);
  // Too large and too different for any ordered diff within budget: the bag measure stands for both.
  return result(bag, bag, ta.length, tb.length, 'bag', []);
}

/** Order-aware similarity from a line diff, weighted by the words on common lines. */
function lineSimilarity(a: string, b: string, limits: TextSimilarityLimits): number | undefined {
  const la = a.split('\n').map((l) => textTokens(l).join(' '));
  const lb = b.split('\n').map((l) => textTokens(l).join(' '));
  if (la.length + lb.length > limits.maxDiffTokens) return undefined;
  const changes = diffArrays(la, lb, { maxEditLength: limits.maxEditLength });
  if (changes === undefined) return undefined;
  const words = (lines: readonly string[]): number => lines.reduce((n, l) => n + (l === '' ? 0 : l.split(' ').length), 0);
  const total = words(la) + words(lb);
  if (total === 0) return 1;
  let common = 0;
  for (const c of changes) if (!c.added && !c.removed) common += 2 * words(c.value);
  return common / total;
}
