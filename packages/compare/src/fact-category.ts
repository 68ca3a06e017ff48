import type { CanonicalResponse } from './canonical-response.js';
import { category } from './category-report.js';
import type { CategoryReport } from './divergence-report.js';
import { diffFacts, type FactDiffOptions } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

function answerText(r: CanonicalResponse): string {
  return r.refusal !== null && r.text === '' ? r.refusal : r.text;
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
  const sheets = baselines
    .map(answerText)
    .filter((t) => t !== '')
    .map(factSheet);
  const differences = diffFacts(factSheet(a), factSheet(b), sheets, options);
  return category('fact', differences.slice(0, max), Math.max(0, differences.length - max));
}
