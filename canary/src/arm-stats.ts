import type { SampleWindow } from './sample-window.js';
import type { MeanStats, RateCount } from './sequential-bound.js';

/** What one arm (stable or candidate) did over an analysis window. */
export interface ArmStats {
  /** Live requests served (or attempted, for the candidate's fallbacks). */
  readonly n: number;
  /** 5xx, timeouts, upstream errors and fallbacks. */
  readonly errors: number;
  /** A bounded sample of request durations in ms (the most recent ones). */
  readonly latencies: readonly number[];
  /** Cost in USD per request, over requests that reported it. */
  readonly cost: MeanStats;
  /** Input + output tokens per request, over requests that reported them. */
  readonly tokens: MeanStats;
}

/** Shadow / replay comparisons of the candidate: how many exceeded the noise floor. */
export interface DivergenceCounts {
  readonly candidate: RateCount;
  /** Stable compared with itself (double sends, baseline replays), when measured. */
  readonly baseline: RateCount | null;
}

/** A window's comparisons (null: none asked for). */
export interface DivergenceWindow {
  readonly counts: DivergenceCounts | null;
  readonly window: SampleWindow;
}

/** An external gate's answer, or why there was none. */
export type WebhookGateResult = { readonly pass: boolean; readonly reason: string } | { readonly error: string };

/** Everything one analysis looks at. */
export interface AnalysisInput {
  readonly stable: ArmStats;
  readonly candidate: ArmStats;
  /**
   * Comparisons of the candidate over each window the divergence gate judges (a canary: the whole
   * canary and its current step); α is split over them and any one failing fails the gate.
   */
  readonly divergence: readonly DivergenceWindow[];
  /** 1 for the first analysis of this canary, then 2, 3, … (alpha is spent across looks). */
  readonly look: number;
  /** Webhook gate answers by gate name. */
  readonly webhooks: ReadonlyMap<string, WebhookGateResult>;
  /**
   * Both arms per canary step, oldest first. When given, the error-rate gate compares the
   * arms within each step (see `stratifiedRateDifferenceBound`) instead of pooled.
   */
  readonly strata?: readonly { readonly stable: ArmStats; readonly candidate: ArmStats }[];
}

export const emptyMean: MeanStats = Object.freeze({ n: 0, sum: 0, sumSquares: 0 });
export const emptyArm: ArmStats = Object.freeze({ n: 0, errors: 0, latencies: [], cost: emptyMean, tokens: emptyMean });
