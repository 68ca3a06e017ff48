import { contentWords, isFunctionWord } from './content-words.js';
import type { SentenceDifference } from './divergence-report.js';
import type { FactSheet } from './fact-sheet.js';
import { isNumberWord } from './number-words.js';
import { isPolarityCue } from './polarity-cues.js';
import type { ClauseToken } from './split-clauses.js';

// Two terms of one sentence that exchange places: "welcome in the outdoor pools, … instead of the
// indoor pools" → "welcome in the indoor pools, … instead of the outdoor pools". Each term is still
// said, once, so no term is new and the swapped-term rule sees it as moved; but each now stands
// where the other stood. A term's place is the content word before it (its anchor: "welcome",
// "instead"), and the two are terms of one kind when the same word follows both ("pools"): a
// list said in another order ("coats and bags" → "bags and coats") anchors one on the other.

/** A lower-case word's place in a sentence: the content word before it and the word after it. */
interface Place {
  readonly anchor: string;
  readonly next: string;
  readonly token: ClauseToken;
  readonly at: number;
}

const plain = /^\p{Ll}+$/u;

/** First content form of a token's word, or its lower-cased form. */
function form(t: ClauseToken | undefined): string {
  if (t === undefined) return '$';
  return contentWords(t.core)[0] ?? t.lower;
}

/** The places of a sentence's lower-case content words (a word said twice has no place). */
function places(tokens: readonly ClauseToken[]): Map<string, Place | null> {
  const out = new Map<string, Place | null>();
  tokens.forEach((t, i) => {
    if (!plain.test(t.core) || isFunctionWord(t.lower) || isPolarityCue(t.lower) || isNumberWord(t.lower)) return;
    const w = contentWords(t.core)[0];
    if (w === undefined) return;
    if (out.has(w)) {
      out.set(w, null);
      return;
    }
    let k = i - 1;
    while (k >= 0 && isFunctionWord((tokens[k] as ClauseToken).lower)) k--;
    out.set(w, { anchor: k >= 0 ? form(tokens[k]) : '^', next: form(tokens[i + 1]), token: t, at: i });
  });
  return out;
}

/** A sheet's sentences (among its first `max` clauses) as runs of tokens. */
function sentences(sheet: FactSheet, max: number): Map<number, ClauseToken[]> {
  const out = new Map<number, ClauseToken[]>();
  for (const c of sheet.clauses.slice(0, max)) {
    const run = out.get(c.sentence);
    if (run === undefined) out.set(c.sentence, [...c.tokens]);
    else run.push(...c.tokens);
  }
  return out;
}

/** Whether a sentence's places put word `w` after `anchor` and before `next`. */
function puts(p: Map<string, Place | null>, w: string, anchor: string, next: string): boolean {
  const x = p.get(w);
  return x != null && x.anchor === anchor && x.next === next;
}

/** For each word, the indices (ascending) of the sentences whose places place it. */
function placedIn(sentencePlaces: readonly Map<string, Place | null>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  sentencePlaces.forEach((p, i) => {
    for (const [w, at] of p) {
      if (at === null) continue;
      const list = out.get(w);
      if (list === undefined) out.set(w, [i]);
      else list.push(i);
    }
  });
  return out;
}

/** The sentences (their places, in order) that place two or more of the words `pc` places. */
function sharingTwo(
  pc: Map<string, Place | null>,
  placing: Map<string, number[]>,
  sentencePlaces: readonly Map<string, Place | null>[],
): Map<string, Place | null>[] {
  const counts = new Map<number, number>();
  for (const [w, at] of pc) {
    if (at === null) continue;
    for (const i of placing.get(w) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const out: number[] = [];
  for (const [i, n] of counts) if (n >= 2) out.push(i);
  return out.sort((a, b) => a - b).map((i) => sentencePlaces[i] as Map<string, Place | null>);
}

/**
 * Candidate sentences in which two lower-case terms of an original sentence exchange places: each
 * said once in both, before the same word in both, the original's anchors two other words, and each
 * term now after the other's anchor. Noise where a baseline puts them the candidate's way.
 * `paired` false compares every candidate sentence with every original sentence, not only those
 * sharing two placed words with it (what exchanged-terms-paired.test.ts compares it with).
 */
export function exchangedTerms(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly maxClauses: number },
  paired = true,
): SentenceDifference[] {
  const out: SentenceDifference[] = [];
  const originals = [...sentences(original, o.maxClauses).values()].map(places);
  // The original sentences that place each word: a candidate sentence is compared only with those
  // that place two of its words (two terms must be said once in both), in the original's order.
  const placing = paired ? placedIn(originals) : undefined;
  let said: Map<string, Place | null>[] | undefined;
  for (const [sentence, tokens] of sentences(candidate, o.maxClauses)) {
    const pc = places(tokens);
    if (pc.size < 2) continue;
    (placing === undefined ? originals : sharingTwo(pc, placing, originals)).some((po) => {
      const shared = [...po.keys()].filter((w) => po.get(w) != null && pc.get(w) != null);
      for (const x of shared)
        for (const y of shared) {
          if (x >= y) continue;
          const xo = po.get(x) as Place;
          const yo = po.get(y) as Place;
          const xc = pc.get(x) as Place;
          const yc = pc.get(y) as Place;
          if (xo.anchor === yo.anchor || xo.anchor === x || xo.anchor === y || yo.anchor === x || yo.anchor === y) continue;
          if (xo.next !== yo.next || xc.next !== yc.next) continue;
          if (xc.anchor !== yo.anchor || yc.anchor !== xo.anchor) continue;
          said ??= baselines.flatMap((b) => [...sentences(b, o.maxClauses).values()].map(places));
          const varies = said.some((pb) => puts(pb, y, xo.anchor, yo.next) || puts(pb, x, yo.anchor, xo.next));
          // Said in the original's order: the first term, then the one it gave way to.
          const [a, b] = xo.at < yo.at ? [xo, yc] : [yo, xc];
          out.push({
            kind: 'fact_changed',
            key: 'fact:entity',
            severity: 'high',
            message: `${a.token.core} → ${b.token.core}, ${b.token.core} → ${a.token.core} (the two terms exchange places)`,
            original: a.token.core,
            candidate: b.token.core,
            sentence,
            ...(varies ? { explainedByNoise: true } : {}),
          });
          return true;
        }
      return false;
    });
  }
  return out;
}
