import type { ReplayThresholds } from './replay-spec.js';

/** One threshold of the run and whether it broke. */
export interface ThresholdResult {
  readonly name: ThresholdName;
  readonly limit: number;
  readonly actual: number;
  readonly breached: boolean;
  /** For a rate over the judged items: how many it was taken over. */
  readonly of?: number;
}

export const thresholdNames = [
  'maxDivergence',
  'maxRegressions',
  'maxRegressionRate',
  'minJudged',
  'maxErrorRate',
  'errorBudget',
  'baselineShare',
] as const;
export type ThresholdName = (typeof thresholdNames)[number];

const minimums: ReadonlySet<ThresholdName> = new Set(['minJudged', 'baselineShare']);

/** Which way a threshold bounds its figure: `≥` for a minimum (breached below it), `≤` for a maximum. */
export function thresholdBound(name: ThresholdName): '≤' | '≥' {
  return minimums.has(name) ? '≥' : '≤';
}

export interface EndpointRow {
  readonly endpoint: string;
  readonly count: number;
  readonly match: number;
  readonly noise: number;
  readonly regression: number;
  readonly error: number;
  readonly statusMismatches: number;
  readonly meanDivergence: number | null;
}

export interface WorstExample {
  readonly exchangeId: string;
  readonly candidateId: string | null;
  readonly endpoint: string;
  readonly verdict: string;
  readonly scoreOverNoise: number;
  readonly reason: string;
  /** The first differences production's noise does not explain, for display (at most 5). */
  readonly differences: readonly string[];
}

export interface Quantiles {
  readonly p50: number | null;
  readonly p95: number | null;
}

/** How much of a run's noise floor exists: baseline pairs among the replayed items. */
export interface BaselineCoverage {
  readonly pairs: number;
  readonly replayed: number;
  /** pairs / replayed, null when nothing was replayed. */
  readonly share: number | null;
  readonly minShare: number;
  /** `--allow-missing-baseline`: a short share is reported but does not fail the run. */
  readonly allowed: boolean;
  readonly sufficient: boolean;
}

/**
 * The report of a run: plain JSON (`--json`, `GET /api/replays/:id`), built in one paged pass
 * over the results so it costs the same memory for ten items or ten million.
 */
export interface ReplaySummary {
  readonly runId: string;
  readonly status: string;
  readonly target: string;
  readonly baseline: string | null;
  readonly planned: number | null;
  readonly done: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly verdicts: { readonly match: number; readonly noise: number; readonly regression: number; readonly error: number };
  /** Divergence over noise (0..1) of compared items. */
  readonly divergence: {
    readonly mean: number | null;
    readonly p50: number | null;
    readonly p95: number | null;
    readonly max: number | null;
    readonly histogram: readonly { readonly le: number; readonly count: number }[];
  };
  /** Busiest endpoints first (at most 50; the rest are folded into `otherEndpoints`). */
  readonly endpoints: readonly EndpointRow[];
  readonly otherEndpoints: number;
  readonly statusMismatches: {
    readonly total: number;
    readonly pairs: readonly { readonly original: number | null; readonly candidate: number | null; readonly count: number }[];
  };
  readonly latencyMs: { readonly original: Quantiles; readonly candidate: Quantiles };
  readonly tokens: { readonly original: number; readonly candidate: number; readonly delta: number };
  readonly costUsd: { readonly original: number; readonly candidate: number; readonly delta: number };
  readonly worst: readonly WorstExample[];
  /** Items not replayed because their capture cannot be sent again as it was, by reason. */
  readonly skipped: { readonly total: number; readonly reasons: Readonly<Record<string, number>> };
  /** With a baseline: whether enough items got a baseline answer for a noise floor; null without one. */
  readonly baselineCoverage: BaselineCoverage | null;
  readonly thresholds: readonly ThresholdResult[];
  readonly passed: boolean;
  readonly abortReason: string | null;
}

/** Evaluates the run's thresholds against its figures. */
export function evaluateThresholds(
  thresholds: ReplayThresholds,
  figures: {
    meanDivergence: number | null;
    regressions: number;
    /** Items the divergence engine judged: match, noise and regression (not errors, not skipped). */
    judged: number;
    errorRate: number;
  },
): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  if (thresholds.maxDivergence !== undefined) {
    const actual = figures.meanDivergence ?? 0;
    out.push({ name: 'maxDivergence', limit: thresholds.maxDivergence, actual, breached: actual > thresholds.maxDivergence });
  }
  if (thresholds.maxRegressions !== undefined) {
    out.push({
      name: 'maxRegressions',
      limit: thresholds.maxRegressions,
      actual: figures.regressions,
      breached: figures.regressions > thresholds.maxRegressions,
    });
  }
  if (thresholds.maxRegressionRate !== undefined) {
    // A rate over nothing judged is no evidence of a good candidate: breached, not passed.
    const actual = figures.judged === 0 ? 0 : figures.regressions / figures.judged;
    out.push({
      name: 'maxRegressionRate',
      limit: thresholds.maxRegressionRate,
      actual,
      breached: figures.judged === 0 || actual > thresholds.maxRegressionRate,
      of: figures.judged,
    });
  }
  if (thresholds.minJudged !== undefined) {
    out.push({ name: 'minJudged', limit: thresholds.minJudged, actual: figures.judged, breached: figures.judged < thresholds.minJudged });
  }
  if (thresholds.maxErrorRate !== undefined) {
    out.push({
      name: 'maxErrorRate',
      limit: thresholds.maxErrorRate,
      actual: figures.errorRate,
      breached: figures.errorRate > thresholds.maxErrorRate,
    });
  }
  return out;
}
