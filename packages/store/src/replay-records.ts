/**
 * The states of a replay run. `interrupted` is never stored: it is how a `running` run reads
 * once its process stopped beating (see {@link replayHeartbeatMs}); `--resume` carries it on.
 */
export const replayRunStatuses = ['running', 'interrupted', 'completed', 'aborted', 'failed'] as const;
export type ReplayRunStatus = (typeof replayRunStatuses)[number];

/** How often a process running a replay touches its run (`updated_at`): the run's heartbeat. */
export const replayHeartbeatMs = 5_000;
/** A `running` run silent for this long is shown as `interrupted`: its process is gone. */
export const replayStaleAfterMs = 3 * replayHeartbeatMs;

/** A durable replay job. `spec` and `summary` are JSON documents owned by `@understudy/replay`. */
export interface ReplayRunRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: ReplayRunStatus;
  readonly spec: unknown;
  /** Display name of the target (version name or URL). */
  readonly target: string;
  readonly baseline: string | null;
  /** Estimated number of items, for progress; `null` when unknown. */
  readonly planned: number | null;
  readonly done: number;
  readonly errors: number;
  readonly summary: unknown;
  readonly errorMessage: string | null;
}

/** One selected exchange of a run, as committed when it completed. */
export interface ReplayResultRecord {
  readonly runId: string;
  readonly exchangeId: string;
  /** Position in the run's deterministic selection order. */
  readonly seq: number;
  /** `METHOD path`, the comparison's noise bucket. */
  readonly endpoint: string;
  readonly candidateId: string | null;
  readonly baselineId: string | null;
  /** A compare verdict (`match`, `noise`, `regression`) or `error` when no response came. */
  readonly verdict: string;
  readonly score: number | null;
  readonly scoreOverNoise: number | null;
  readonly originalStatus: number | null;
  readonly candidateStatus: number | null;
  readonly originalMs: number | null;
  readonly candidateMs: number | null;
  readonly originalTokens: number | null;
  readonly candidateTokens: number | null;
  readonly originalCost: number | null;
  readonly candidateCost: number | null;
  readonly attempts: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** The candidate's divergence report (JSON), or `null` for an error. */
  readonly report: unknown;
  /** Baseline vs original, when the run has a baseline: the run's noise floor. */
  readonly baselineReport: unknown;
  readonly completedAt: number;
}

/** A verdict revision after the run's noise floor is complete. */
export interface ReplayVerdictUpdate {
  readonly exchangeId: string;
  readonly verdict: string;
  readonly scoreOverNoise: number | null;
  readonly report: unknown;
}

/** A live shadow exchange judged against its parent. */
export interface ShadowComparisonRecord {
  readonly exchangeId: string;
  readonly parentId: string;
  readonly endpoint: string;
  readonly verdict: string;
  readonly score: number | null;
  readonly scoreOverNoise: number | null;
  readonly report: unknown;
  readonly createdAt: number;
}
