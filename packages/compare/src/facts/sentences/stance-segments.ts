import { contentWords } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import type { ClausePolarity } from '../polarity/clause-polarity.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { necessity } from '../polarity/polarity-words.js';

// Which side of a rule for the reader a run of words takes (sentence-stance.ts compares a replaced
// sentence with its replacement): it restricts — a necessity or a request, a permission denied,
// "isn't possible", "X is needed" — or permits — can, free to, welcome to, a necessity lifted ("no
// need to", "no experience is needed"), "it's fine if…". A sentence of several parts ("Photos are
// welcome, but please leave drones at home") is read part by part.

/** Which side of a rule a clause or a part of a sentence takes. */
export type Stance = 'restrict' | 'permit';

// Words after which "fine" / "okay" / "welcome" grants ("it's fine if…", "goggles are fine", "spectators are welcome"), not a penalty ("a fine").
const beForms = new Set(["it's", "that's", 'is', 'are', 'be', "'s"]);
const granting = new Set(['fine', 'okay', 'ok', 'welcome']);
// Predicates of a need after "is" / "are", which the modal scale reads only before "to" ("need to bring").
const needed = new Set(['needed', 'necessary', 'essential', 'compulsory', 'mandatory']);

/** The side words take, given their polarity (read by clausePolarity). */
export function stanceOf(tokens: readonly ClauseToken[], p: ClausePolarity): Stance | undefined {
  if (p.forbids === true || p.modality === 'necessity') return 'restrict';
  if (p.modality === 'possibility') {
    if (!p.negated) return 'permit';
    // A necessity negated ("no need to", "isn't required") lifts it; a possibility negated ("aren't
    // possible", "may not") denies it.
    return tokens.some((t) => necessity.has(t.lower)) ? 'permit' : 'restrict';
  }
  if (p.modality !== null) return undefined;
  // "closed to spectators", "closed to the public": a place or an event denied to someone.
  if (!p.negated && tokens.some((t, i) => t.lower === 'closed' && tokens[i + 1]?.lower === 'to')) return 'restrict';
  const said = (words: ReadonlySet<string>): boolean =>
    tokens.some((t, i) => words.has(t.lower) && beForms.has(tokens[i - 1]?.lower ?? ''));
  // "Experience is needed" obliges as "must" does; "no experience is needed" lifts it.
  if (said(needed)) return p.negated ? 'permit' : 'restrict';
  return !p.negated && said(granting) ? 'permit' : undefined;
}

// Words that open a new part of a sentence, dropped from it: "…, but please leave drones at home",
// "…, which you must finish first".
const joiners = new Set(['but', 'and', 'or', 'which', 'who', 'so', 'while', 'whereas', 'though', 'although', 'however', 'yet']);
// Words that open a condition or a time, which states no rule of its own.
const conditions = new Set(['if', 'unless', 'when', 'once', 'until', 'before', 'after', 'as', 'whenever', 'provided']);
const breaks = /[,;:—–]/;

// Verbs the modal scale reads as no request after "please" ("please keep in mind", "please allow 3 days"),
// which opening a part of a rule do ask ("…, but please keep dogs at home").
const keptAsks = new Set(['keep', 'leave', 'stay']);

/** Whether a part opens with a request to keep something somewhere ("please keep dogs at home"), not "please keep in mind". */
function asks(run: readonly ClauseToken[]): boolean {
  return run[0]?.lower === 'please' && keptAsks.has(run[1]?.lower ?? '') && run[2]?.lower !== 'in';
}

/** The parts of a sentence: runs of words between punctuation and joining words, with their side. */
function parts(tokens: readonly ClauseToken[]): { readonly text: string; readonly words: Set<string>; readonly stance: Stance }[] {
  const out: { text: string; words: Set<string>; stance: Stance }[] = [];
  let run: ClauseToken[] = [];
  const close = (): void => {
    const first = run[0]?.lower;
    if (first !== undefined && !conditions.has(first)) {
      const stance = asks(run) ? 'restrict' : stanceOf(run, clausePolarity(run));
      if (stance !== undefined)
        out.push({ text: run.map((t) => t.lower).join(' '), words: new Set(run.flatMap((t) => contentWords(t.core))), stance });
    }
    run = [];
  };
  for (const t of tokens) {
    if (joiners.has(t.lower)) {
      close();
      continue;
    }
    run.push(t);
    if (breaks.test(t.after ?? '')) close();
  }
  close();
  return out;
}

/**
 * A part of the original sentence that the candidate's sentence no longer says, paired with the
 * candidate's new part that shares the most content words with it, where the two take opposite
 * sides: the evidence (`from`, `to`) and the candidate's side, or undefined.
 */
export function partFlip(
  before: readonly ClauseToken[],
  after: readonly ClauseToken[],
): { readonly from: string; readonly to: string; readonly stance: Stance } | undefined {
  const ours = parts(before);
  const theirs = parts(after);
  const kept = new Set(ours.map((x) => x.text));
  const said = new Set(theirs.map((x) => x.text));
  const changed = theirs.filter((x) => !kept.has(x.text));
  for (const o of ours) {
    if (said.has(o.text)) continue;
    let best: (typeof changed)[number] | undefined;
    let most = 0;
    for (const c of changed) {
      let shared = 0;
      for (const w of c.words) if (o.words.has(w)) shared++;
      if (shared > most) {
        best = c;
        most = shared;
      }
    }
    if (best !== undefined && best.stance !== o.stance) return { from: o.text, to: best.text, stance: best.stance };
  }
  return undefined;
}
