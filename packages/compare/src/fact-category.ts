import type { CanonicalResponse } from './canonical-response.js';
import { category } from './category-report.js';
import type { CategoryReport } from './divergence-report.js';
import { diffFacts, type FactDiffOptions } from './fact-diff.js';
import { factSheetWith } from './fact-sheet.js';
import { currentWordIds } from './word-ids.js';

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
  const sheets = baselines
    .map(answerText)
    .filter((t) => t !== '')
    .map((t) => factSheetWith(t, words));
  const differences = diffFacts(factSheetWith(a, words), factSheetWith(b, words), sheets, options);
  return category('fact', differences.slice(0, max), Math.max(0, differences.length - max));
}
