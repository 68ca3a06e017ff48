/** Thresholds of `diffFacts` (fact-diff.ts); defaults justified in docs/benchmarks.md ("Facts"). */
export interface FactDiffOptions {
  /** Content-word Dice at which two clauses say the same thing (values and polarity are compared there). Default 0.5. */
  readonly alignClause: number;
  /** Share of a candidate clause's content words production must use for it not to be a new claim. Default 0.5. */
  readonly claimSupport: number;
  /** Content-word Dice a candidate clause must exceed with an original clause to be paired with it (one to one) and so not be a new claim. Default 0.3. */
  readonly claimPair: number;
  /** Content words a clause needs before it can be a new claim. Default 3. */
  readonly claimWords: number;
  /** Clauses per answer compared by alignment; past it only values are compared (1 MB answers stay linear). Default 200. */
  readonly maxClauses: number;
  /** Differences produced before the comparison stops looking (the category keeps fewer). Default 200. */
  readonly maxDifferences: number;
}

export const defaultFactDiffOptions: FactDiffOptions = Object.freeze({
  alignClause: 0.5,
  claimSupport: 0.5,
  claimPair: 0.3,
  claimWords: 3,
  maxClauses: 200,
  maxDifferences: 200,
});
