import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

// Words that open a predication of its own joined to a clause ("…, which means…", "…and costs…").
const joiners = new Set(['-', '–', '—', 'and', 'but', 'so', 'which', 'though', 'because', 'since', 'as', 'meaning', 'while']);

/**
 * Whether one of two aligned clauses is the other, word for word, with one span of words added,
 * where that span is a predication of its own (it opens after a comma, a dash or a joining word, or
 * ends on one: "…fragrance and two jars - you don't need to bring anything", "…isn't part of the
 * package and has to be…") of two or more content words besides its negations. A negation in that
 * span bears on what the span says, not on the words both clauses share: the shorter clause's claim
 * is said again unchanged, so the two are not opposed; the span is an addition (or a detail left
 * out), judged as one. A bare "not" inserted ("will be charged" → "will not be charged") is no such span.
 * `elsewhere`: production's other clauses; a span that names what one of them is about (a content
 * word of it) may turn that claim around ("…, so electrical never has to be ordered"), and is left
 * to the rules that compare it there (with any shared word counted as two, a blind set lost a caught
 * negation).
 */
export function addsAside(a: ClauseFacts, b: ClauseFacts, elsewhere: readonly ClauseFacts[]): boolean {
  const ta = a.tokens;
  const tb = b.tokens;
  let pre = 0;
  while (pre < ta.length && pre < tb.length && ta[pre]?.lower === tb[pre]?.lower) pre++;
  let suf = 0;
  while (suf < ta.length - pre && suf < tb.length - pre && ta[ta.length - 1 - suf]?.lower === tb[tb.length - 1 - suf]?.lower) suf++;
  const longer = ta.length > tb.length ? ta : tb;
  // One side must be all shared words: the other has one span more.
  if (Math.min(ta.length, tb.length) !== pre + suf || pre + suf === 0) return false;
  const span = longer.slice(pre, longer.length - suf);
  if (!joined(span, longer[pre - 1])) return false;
  const words = contentWords(span.map((t) => t.lower).join(' ')).filter((w) => !isNegationCue(w));
  if (words.length < 2) return false;
  return !elsewhere.some((x) => x !== a && x !== b && words.some((w) => x.contentSet.has(w)));
}

/** Whether a span opens or ends as a predication joined to its clause (see {@link addsAside}). */
function joined(span: readonly ClauseToken[], before: ClauseToken | undefined): boolean {
  const first = span[0];
  const last = span[span.length - 1];
  if (first === undefined || last === undefined) return false;
  const pause = (t: ClauseToken | undefined): boolean => t?.after !== undefined && /[,;:]/.test(t.after);
  return joiners.has(first.lower) || pause(before) || joiners.has(last.lower) || pause(last);
}
