import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { memoSlots, type WordIds } from '../../text/word-ids.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isPolarityCue } from '../polarity/polarity-cues.js';
import { isNumberWord } from '../values/number-words.js';

// Two terms of one sentence that exchange places: "welcome in the outdoor pools, … instead of the
// indoor pools" → "welcome in the indoor pools, … instead of the outdoor pools". Each term is still
// said, once, so no term is new and the swapped-term rule sees it as moved; but each now stands
// where the other stood. A term's place is the content word before it (its anchor: "welcome",
// "instead"), and the two are terms of one kind when the same word follows both ("pools"): a
// list said in another order ("coats and bags" → "bags and coats") anchors one on the other.

/** A lower-case word's place in a sentence: the content word before it and the word after it. */
interface Place {
  /** The word placed (its content form). */
  readonly term: string;
  readonly anchor: string;
  readonly next: string;
  readonly token: ClauseToken;
  readonly at: number;
}

const plain = /^\p{Ll}+$/u;

/**
 * What {@link places} reads of a token's word: its form as an anchor or a next word (its first
 * content form, or its lower-cased form), and its form as a placed term (null for a word that has no
 * place: not a plain lower-case content word).
 */
interface WordForms {
  readonly form: string;
  readonly term: string | null;
}

function formsOf(core: string, lower: string): WordForms {
  const first = contentWords(core)[0];
  const term =
    first !== undefined && plain.test(core) && !isFunctionWord(lower) && !isPolarityCue(lower) && !isNumberWord(lower) ? first : null;
  return { form: first ?? lower, term };
}

/** Whether a word is ASCII only (its content words are then those of its lower-cased form, whatever its case). */
function isAsciiWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * A token's {@link WordForms}, memoized per word id in `memo` (its sheet's table). A token written as
 * its lower-case word has that word's forms; an ASCII one written otherwise ("Your", "Orders": the
 * first word of a sentence) has its form (content words read its text lower-cased) and, not being
 * plain lower case, no term. Others are read each time.
 */
function tokenForms(t: ClauseToken, words: WordIds, memo: (WordForms | null | undefined)[]): WordForms {
  const id = t.id;
  if (id === undefined || words.words[id] !== t.lower) return formsOf(t.core, t.lower);
  const same = t.core === t.lower;
  if (!same && (plain.test(t.core) || !isAsciiWord(t.lower))) return formsOf(t.core, t.lower);
  let f = memo[id];
  if (f == null) {
    f = formsOf(t.lower, t.lower);
    memo[id] = f;
  }
  return same || f.term === null ? f : { form: f.form, term: null };
}

/** The places of a sentence's lower-case content words (a word said twice has no place); `words` is the tokens' table. */
function places(tokens: readonly ClauseToken[], words: WordIds): Map<string, Place | null> {
  const memo = words.objectMemo<WordForms>(memoSlots.placeForms);
  const out = new Map<string, Place | null>();
  tokens.forEach((t, i) => {
    const w = tokenForms(t, words, memo).term;
    if (w === null) return;
    if (out.has(w)) {
      out.set(w, null);
      return;
    }
    let k = i - 1;
    while (k >= 0 && isFunctionWord((tokens[k] as ClauseToken).lower)) k--;
    const next = tokens[i + 1];
    out.set(w, {
      term: w,
      anchor: k >= 0 ? tokenForms(tokens[k] as ClauseToken, words, memo).form : '^',
      next: next === undefined ? '$' : tokenForms(next, words, memo).form,
      token: t,
      at: i,
    });
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

/**
 * The places of a sentence's terms that may exchange with another: two terms exchange only where
 * the same word follows both, in both sentences ("outdoor pools … indoor pools"), so a placed word
 * whose next word follows no other placed word of its sentence is no term of a pair. Most sentences
 * hold none or one: they are compared with no original sentence.
 */
function kin(p: Map<string, Place | null>): Map<string, Place | null> {
  // A sentence places a dozen words or so: their next words compared in a loop, no map of them.
  const placed: Place[] = [];
  for (const at of p.values()) if (at !== null) placed.push(at);
  let out: Map<string, Place | null> | undefined;
  for (const at of placed) {
    let paired = false;
    for (const x of placed) if (x !== at && x.next === at.next) paired = true;
    if (!paired) continue;
    if (out === undefined) out = new Map();
    out.set(at.term, at);
  }
  return out ?? none;
}

/** No kin terms (shared, never written to). */
const none: Map<string, Place | null> = new Map();

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

/** What {@link exchangedTerms} reads of one answer: its sentences' places, their kin terms and the sentences placing each. */
interface SheetPlaces {
  readonly places: readonly Map<string, Place | null>[];
  /**
   * The sentences' terms that may exchange ({@link kin}), and the sentences placing each: a candidate
   * sentence is compared only with those that place two of its kin terms (two terms must be said once
   * in both, each before the same word as the other), in the original's order.
   */
  readonly kin: readonly Map<string, Place | null>[];
  readonly placing: Map<string, number[]>;
}

function readPlaces(sheet: FactSheet, max: number): SheetPlaces {
  const all = [...sentences(sheet, max).values()].map((s) => places(s, sheet.words));
  const kinTerms = all.map(kin);
  return { places: all, kin: kinTerms, placing: placedIn(kinTerms) };
}

/**
 * Candidate sentences in which two lower-case terms of an original sentence exchange places: each
 * said once in both, before the same word in both, the original's anchors two other words, and each
 * term now after the other's anchor. Noise where a baseline puts them the candidate's way.
 * `paired` false compares every candidate sentence with every original sentence, not only those
 * sharing two kin terms ({@link kin}) with it (what exchanged-terms-paired.test.ts compares it with).
 */
export function exchangedTerms(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly maxClauses: number },
  paired = true,
): SentenceDifference[] {
  const out: SentenceDifference[] = [];
  // Production's read once per answer (kept read across candidates: sheet-reading.ts).
  const read = sheetReading(original, o.maxClauses, readPlaces);
  const originals = read.places;
  const kinOriginals = paired ? read.kin : originals;
  const placing = paired ? read.placing : undefined;
  // Each baseline's sentences' terms, by baseline (read once, where a candidate's terms exchange).
  let said: (readonly Map<string, Place | null>[])[] | undefined;
  for (const [sentence, tokens] of sentences(candidate, o.maxClauses)) {
    const all = places(tokens, candidate.words);
    const pc = placing === undefined ? all : kin(all);
    if (pc.size < 2) continue;
    (placing === undefined ? originals : sharingTwo(pc, placing, kinOriginals)).some((po) => {
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
          said ??= baselines.map((b) => sheetReading(b, o.maxClauses, readPlaces).places);
          const by = said.findIndex((bs) => bs.some((pb) => puts(pb, y, xo.anchor, yo.next) || puts(pb, x, yo.anchor, xo.next)));
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
            ...excusedBy('exchanged-terms', byBaseline('a baseline puts a term where the other was', by)),
          });
          return true;
        }
      return false;
    });
  }
  return out;
}
