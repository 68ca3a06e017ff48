import type { ContenderName } from './contenders.js';
import type { SseResult } from './load-jobs.js';
import type { ProcMemory } from './proc-stats.js';
import type { TapProfileReply, TapStatsReply } from './tap-messages.js';

/** Saturation and latency figures of one contender, over all rounds. */
export interface ContenderFigures {
  /** req/s per saturation round. */
  readonly throughput: number[];
  /**
   * CPU time of the contender's process over its saturation jobs, and the requests they sent;
   * `rigMs`: the upstream's and the load generator's CPU over the same jobs (the rest of the machine's work).
   */
  /** `catchUpMs`: of `ms`, what a capturing tap spent after its windows storing their captures. */
  readonly cpu: { ms: number; rigMs: number; requests: number; catchUpMs?: number };
  /** Sorted open-loop latency samples per round. */
  readonly latency: Float64Array[];
  errors: number;
  late: number;
}

/** The 2 000 req/s phase through the tap. */
export interface DropFigures {
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly late: number;
  readonly latencies: Float64Array;
  readonly before: TapStatsReply;
  readonly after: TapStatsReply;
  /** Rows the phase added to the SQLite file. */
  readonly rows: number;
  /** From the last answer until the capture counters held still. */
  readonly settledMs: number;
}

/** Everything a run measured, for the report. */
export interface BenchResults {
  readonly revision: string;
  /** How the tap writes its captures. */
  readonly sink: string;
  readonly figures: ReadonlyMap<ContenderName, ContenderFigures>;
  readonly unavailable: ReadonlyMap<ContenderName, string>;
  readonly sse: SseResult;
  readonly drop: DropFigures | undefined;
  /** The same steady phase through each `tap@…` variant. */
  readonly variantDrops: ReadonlyMap<ContenderName, DropFigures>;
  readonly tapIdle: TapStatsReply | undefined;
  readonly tapFinal: TapStatsReply | undefined;
  readonly tapRows: number;
  readonly memory: ReadonlyMap<ContenderName, ProcMemory>;
  readonly profiled: TapProfileReply | undefined;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly seconds: number;
}
