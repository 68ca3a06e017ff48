/** What `loop-delay.ts` answers: how late the server's main thread ran its event loop since the last reset, ms past the 10 ms resolution. */
export interface LoopDelayReply {
  readonly type: 'loop-delay';
  readonly samples: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** How late the loop ran in all (sum over the samples of the delay past the 10 ms resolution). */
  readonly lateMs: number;
}
