import type { CanonicalResponse } from '../adapters/canonical-response.js';
import { answerCache } from '../answer-cache.js';
import { category } from '../report/category-report.js';
import type { CategoryReport, Difference } from '../report/divergence-report.js';
import { currentWordIds, type WordIds } from '../text/word-ids.js';
import { type FactSheet, factSheetWith } from './clauses/fact-sheet.js';
import { diffFacts } from './fact-diff.js';
import type { FactDiffOptions } from './fact-diff-options.js';

// Facts are read from the first 64 KB of each answer: enough for any chat answer, and a 1 MB
// body stays bounded (its text drift is still measured over all of it).
const maxFactChars = 64 * 1024;

function answerText(r: CanonicalResponse): string {
  const t = r.refusal !== null && r.text === '' ? r.refusal : r.text;
  if (t.length <= maxFactChars) return t;
  // Cut at the last line or sentence end inside the cap, so no half value is read.
  const head = t.slice(0, maxFactChars);
  const end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. '));
  return end > 0 ? head.slice(0, end + 1) : head;
}

// The last answers read, by text: a replay compares the original with its baseline answer and
// then with the candidate, and `diff` with baselines compares each baseline with the original
// first, so the same few answers are read again within a few comparisons. A handful of sheets
// kept; a text that is not one of them costs a few string comparisons (most differ in length).
const recent: FactSheet[] = [];
const recentSheets = 4;
// Production's answers (originals and baselines) kept read by content, beyond the last few: the
// same recorded answers are compared with many candidates (answer-cache.ts).
const production = answerCache<FactSheet>();

/**
 * The fact sheet of `text` read with `words`: one kept read or a recent one, unless this
 * comparison already uses it (`taken`); a production answer's (`kept`) is kept read.
 */
function sheetOf(text: string, words: WordIds, taken: FactSheet[], kept: boolean): FactSheet {
  const known = production.get(text);
  const usable = (s: FactSheet): boolean => s.words === words && s.source === text && !taken.includes(s);
  let sheet = known !== undefined && usable(known) ? known : recent.find(usable);
  if (sheet === undefined) {
    sheet = factSheetWith(text, words);
    recent.unshift(sheet);
    if (recent.length > recentSheets) recent.pop();
  }
  if (kept && known?.words !== words) production.set(text, sheet);
  taken.push(sheet);
  return sheet;
}

/** `d` excused (unless it is) by baseline `index`, which the candidate repeats word for word. */
function excusedAsBaseline(d: Difference, index: number): Difference {
  if (d.explainedByNoise === true) return d;
  return {
    ...d,
    explainedByNoise: true,
    origin: { rule: d.origin?.rule ?? 'fact-category', excuse: { test: 'the candidate is this baseline word for word', baseline: index } },
  };
}

/**
 * The `fact` category: what the candidate's text states (values, names, polarity, claims)
 * against the original and the baseline answers to the same input. Empty when either side has
 * no text or both say exactly the same.
 */
export function factCategory(
  original: CanonicalResponse,
  candidate: CanonicalResponse,
  baselines: readonly CanonicalResponse[],
  max: number,
  options: Partial<FactDiffOptions> = {},
): CategoryReport {
  const a = answerText(original);
  const b = answerText(candidate);
  if (a === '' || b === '' || a === b) return category('fact', [], 0);
  // Every answer of the pair read with one word table, so their word ids compare.
  const words = currentWordIds();
  const taken: FactSheet[] = [];
  const sheets = baselines
    .map(answerText)
    .filter((t) => t !== '')
    .map((t) => sheetOf(t, words, taken, true));
  const originalSheet = sheetOf(a, words, taken, true);
  const candidateSheet = sheetOf(b, words, taken, false);
  const found = diffFacts(originalSheet, candidateSheet, sheets, options);
  // The candidate says word for word what a baseline says: every fact it states, production states,
  // and what it leaves out, production leaves out. What the rules found is shown, excused by that baseline.
  const same = baselines.findIndex((r) => answerText(r) === b);
  const differences = same < 0 ? found : found.map((d) => excusedAsBaseline(d, same));
  // The production sheets are kept; the alignments of their clauses with this candidate are not.
  for (const s of [originalSheet, ...sheets]) for (const c of s.clauses) c.memo.forget(candidateSheet);
  return category('fact', differences.slice(0, max), Math.max(0, differences.length - max));
}
