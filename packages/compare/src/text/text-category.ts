import type { CanonicalResponse } from '../adapters/canonical-response.js';
import { answerCache } from '../answer-cache.js';
import { onlyAnnounces } from '../facts/claims/claim-framing.js';
import { category } from '../report/category-report.js';
import type { CategoryReport, Difference, TextFacts } from '../report/divergence-report.js';
import { combineScores, severityRisk } from '../report/score.js';
import { lcsLength } from './lcs-length.js';
import { isListItem } from './list-marker.js';
import { looksLikeRefusal } from './refusal.js';
import { languageChange } from './text-language.js';
import { similarityOfSymbols, type TextSimilarityLimits, textHunks } from './text-similarity.js';
import { textTokenIds } from './text-tokens.js';
import { currentWordIds, denseIds, type WordIds } from './word-ids.js';

// How finished prose ends: terminal punctuation (of any script: "。", "।", "؟"), a closing quote or
// bracket ("»", "」", "”"), a code fence, a table row, a digit (a number or a percentage), or an
// emoji. Only the last character is looked at, after the marks that close an emphasis ("_…_", "~~…~~").
const completeEnding = /[.!?:;)\]}"'`*>%|\u2026\d\p{Sentence_Terminal}\p{Pe}\p{Pf}]|\p{Extended_Pictographic}/u;
const closingEmphasis = /[_~]+$/;

function endsLikeProse(line: string): boolean {
  const t = line.trimEnd().replace(closingEmphasis, '');
  if (t === '') return false;
  const last = String.fromCodePoint(t.codePointAt(t.length - 1) ?? 0);
  // A surrogate pair's low half: look at the whole code point.
  const ch = t.length >= 2 && /[\udc00-\udfff]/.test(last) ? t.slice(-2) : t.slice(-1);
  return completeEnding.test(ch);
}

// A sentence's own end, in any script (".", "。", "।"): what an item written as a sentence ends
// with (a digit or a bracket ends a label's value as often: "- Minimum age: 14", "- $40 (life
// jacket included)").
const sentenceEnding = /[\p{Sentence_Terminal}\u2026]\s*$/u;
// A line opening with a short label and a colon, bold or plain ("**Extras:** …", "Deposit: …").
const labelLine = /^\s*(?:\*\*|__)?\p{L}[\p{L}\p{N} '’/&-]{0,40}:(?:\*\*|__)?\s+\S/u;

/**
 * Whether a text ends the way a finished answer does; a cut-off one stops mid-sentence. A list
 * whose items are written without a sentence's final punctuation ("- Delivery: Friday", "- Minimum
 * age: 14") is finished when it ends on such an item: another item of the same list is written
 * that way too.
 */
function endsComplete(text: string): boolean {
  const t = text.trimEnd();
  if (t === '') return false;
  if (endsLikeProse(t)) return true;
  const lines = t.split('\n');
  const last = lines[lines.length - 1] ?? '';
  // A "Label: value" line ("**Not serviced:** guitars with active pickups") after another one is a
  // label's line, written without a sentence's end.
  if (labelLine.test(last) && lines.slice(0, -1).some((l) => labelLine.test(l) && !sentenceEnding.test(l))) return true;
  if (!isListItem(last)) return false;
  if (lines.slice(0, -1).some((l) => isListItem(l) && !sentenceEnding.test(l))) return true;
  // A list of one or more items under a heading ("How to pay:\n- Cards only"), none of them written
  // as a sentence, is a label's list.
  let k = lines.length - 1;
  while (k > 0 && isListItem(lines[k - 1] ?? '')) k--;
  const heading = (lines[k - 1] ?? '').trimEnd();
  return heading.endsWith(':') && lines.slice(k, -1).every((l) => !sentenceEnding.test(l));
}

// The word ids of the last texts read, by text (as fact-category.ts keeps their fact sheets): a
// replay compares the original with its baseline answer and then with the candidate, `diff` with
// baselines compares each baseline with the original first, and the compare pool sends an
// original's pairs to one thread — the same few texts are tokenized again within a few
// comparisons. A text that is not one of them costs a few string comparisons (most differ in
// length). Bounded: four texts of at most 64 KB each.
const recentIds: { readonly text: string; readonly words: WordIds; readonly ids: readonly number[] }[] = [];
const recentTexts = 4;
const maxRecentChars = 64 * 1024;

// Production's answers' word ids kept by content beyond the last few, as their fact sheets are
// (answer-cache.ts): the same recorded answers are compared with many candidates.
const production = answerCache<{ readonly words: WordIds; readonly ids: readonly number[] }>();

/** The word ids of `text`, one of production's answers (`kept`) or a candidate's. */
function tokenIds(text: string, words: WordIds, kept: boolean): readonly number[] {
  const known = production.get(text);
  if (known !== undefined && known.words === words) return known.ids;
  for (const r of recentIds) if (r.words === words && r.text === text) return r.ids;
  const ids = textTokenIds(text, words);
  if (text.length <= maxRecentChars) {
    recentIds.unshift({ text, words, ids });
    if (recentIds.length > recentTexts) recentIds.pop();
  }
  if (kept) production.set(text, { words, ids });
  return ids;
}

/**
 * Below this similarity to the original the candidate's closest baseline is looked up: above any
 * bar the judge sets with the few baselines `diff --baseline` gives (the prior 0.1 moved by at
 * most three pairs), so the look-up costs nothing on the usual close paraphrase.
 */
const nearestBaselineBelow = 0.5;

/** The highest similarity of the candidate's text to a baseline's. */
function nearestBaseline(
  textB: string,
  idsB: readonly number[],
  baselines: readonly CanonicalResponse[],
  words: WordIds,
  limits: TextSimilarityLimits,
): number {
  let best = 0;
  for (const base of baselines) {
    const text = base.refusal !== null && base.text === '' ? base.refusal : base.text;
    if (text === '') continue;
    const ids = tokenIds(text, words, true);
    const symbols = denseIds(ids, idsB, words);
    best = Math.max(best, similarityOfSymbols(text, textB, symbols.a, symbols.b, symbols.symbols, limits).similarity);
  }
  return best;
}

/** Share of the shorter text's words found in order in the longer one's opening (a cut answer keeps them); given their words as small ids. */
function prefixShare(longer: readonly number[], shorter: readonly number[], limits: TextSimilarityLimits): number {
  const b = shorter;
  if (b.length === 0) return 0;
  const a = longer.slice(0, Math.ceil(b.length * 1.3) + 3);
  if (a.length * b.length > limits.maxLcsCells) return 0;
  return lcsLength(a, b) / b.length;
}

/**
 * Text drift (similarity, length) plus the structural text signals that are regressions on
 * their own: a refusal, a truncating finish reason, an answer that stops mid-sentence.
 */
export function textCategory(
  a: CanonicalResponse,
  b: CanonicalResponse,
  limits: TextSimilarityLimits,
  withHunks: boolean,
  baselines: readonly CanonicalResponse[] = [],
): { report: CategoryReport; facts: TextFacts | null } {
  const out: Difference[] = [];
  const refusalA = a.refusal !== null || looksLikeRefusal(a.text);
  const refusalB = b.refusal !== null || looksLikeRefusal(b.text);
  if (refusalB && !refusalA)
    out.push({
      kind: 'refusal',
      path: 'text',
      key: 'refusal',
      severity: 'high',
      message: 'candidate refused',
      candidate: (b.refusal ?? b.text).slice(0, 200),
    });
  if (a.finishReason !== b.finishReason && a.finishReason !== null && b.finishReason !== null) {
    // Truncation is the costly change; the rest follow from differences reported elsewhere.
    const truncated = b.finishReason === 'length' || b.finishReason === 'content_filter';
    out.push({
      kind: 'finish_reason',
      path: 'finish_reason',
      key: 'finish_reason',
      severity: truncated ? 'high' : 'low',
      message: `finish reason ${a.finishReason} → ${b.finishReason}`,
      original: a.finishReason,
      candidate: b.finishReason,
    });
  }
  const textA = a.refusal !== null && a.text === '' ? a.refusal : a.text;
  const textB = b.refusal !== null && b.text === '' ? b.refusal : b.text;
  if (textA === '' && textB === '') return { report: category('text', out, 0), facts: null };
  if (endsComplete(textA) && !endsComplete(textB) && textB !== '') {
    out.push({
      kind: 'text_incomplete',
      path: 'text',
      key: 'text',
      severity: 'high',
      message: `candidate stops mid-sentence: "…${textB.slice(-40)}"`,
    });
  }
  // One tokenizer pass per side serves the language check, the similarity and the cut check.
  const words = currentWordIds();
  const idsA = tokenIds(textA, words, true);
  const idsB = textA === textB ? idsA : tokenIds(textB, words, false);
  const language = languageChange(textA, textB, words, idsA, idsB);
  if (language !== undefined) out.push(language);
  const symbols = denseIds(idsA, idsB, words);
  const sim = similarityOfSymbols(textA, textB, symbols.a, symbols.b, symbols.symbols, limits);
  if (sim.similarity < 1) {
    out.push({
      kind: 'text_similarity',
      path: 'text',
      key: 'text',
      severity: 'low',
      message: `text similarity ${sim.similarity.toFixed(3)} (word ${sim.word.toFixed(3)}, bag ${sim.bag.toFixed(3)})`,
    });
  }
  if (sim.lengthRatio < 1 && sim.wordsB < sim.wordsA) {
    out.push({
      kind: 'text_length',
      path: 'text',
      key: 'text.length',
      severity: 'low',
      message: `candidate has ${sim.wordsB} words, original ${sim.wordsA}`,
      original: sim.wordsA,
      candidate: sim.wordsB,
    });
  }
  const structural = combineScores(
    out
      .filter((d) => d.kind === 'refusal' || d.kind === 'finish_reason' || d.kind === 'text_incomplete' || d.kind === 'text_language')
      .map((d) => severityRisk[d.severity]),
  );
  const score = 1 - (1 - structural) * sim.similarity;
  const hunks = withHunks && sim.similarity < 1 ? textHunks(textA, textB, limits) : undefined;
  let facts: TextFacts = sim.wordsB < sim.wordsA ? { ...sim, prefix: prefixShare(symbols.a, symbols.b, limits) } : sim;
  // A preamble before tool calls, or a turn that only announces a lookup ("Let me check…"): its
  // wording varies freely, so text drift is shown, not judged.
  if ((a.toolCalls.length > 0 && b.toolCalls.length > 0) || (onlyAnnounces(textA) && onlyAnnounces(textB)))
    facts = { ...facts, preamble: true };
  if (baselines.length > 0 && sim.similarity < nearestBaselineBelow) {
    const nearest = nearestBaseline(textB, idsB, baselines, words, limits);
    if (nearest > sim.similarity) facts = { ...facts, nearestBaseline: nearest };
  }
  return { report: category('text', out, 0, score), facts: hunks === undefined ? facts : { ...facts, hunks } };
}
