/** What one `npm run bench:tap` does: sized to finish in about 85 s on 2 cores. */
export const plan = {
  /** Closed loop: callers (= pool connections) per contender. */
  connections: 32,
  /** Unmeasured closed loop per contender before the first round. */
  warmupMs: 1_000,
  /** Saturation and latency both run this many rounds, rotating the order. */
  rounds: 4,
  closedMs: 2_000,
  /** Open loop for latency, per contender. */
  openRate: 500,
  openWarmupMs: 200,
  openMs: 1_500,
  openConnections: 64,
  sseStreams: 200,
  sseChunkMs: 3,
  dropRate: 2_000,
  dropMs: 5_000,
} as const;

export type BenchPlan = typeof plan;
