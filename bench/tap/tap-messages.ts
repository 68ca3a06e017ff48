/** IPC between the benchmark and its tap child. */

export type TapRequest =
  | { readonly type: 'stats' }
  | { readonly type: 'close' }
  /** Starts the V8 sampling profiler in the tap process (only when started with `--profile-dir`). */
  | { readonly type: 'profile-start' }
  /** Stops it and writes the `.cpuprofile`; the reply names the file. */
  | { readonly type: 'profile-stop' };

/** `tap.stats()` as the tap package reports it. */
export interface TapStatsSnapshot {
  readonly queueDepth: number;
  readonly captured: number;
  readonly dropped: number;
  readonly storeErrors: number;
}

export interface TapStatsReply {
  readonly type: 'stats' | 'closed';
  readonly stats: TapStatsSnapshot;
  readonly rssBytes: number;
  readonly peakRssBytes: number;
  /** `process.memoryUsage()` when the RSS peaked: tells heap from buffers from native memory. */
  readonly atPeak: { readonly heapTotal: number; readonly heapUsed: number; readonly external: number; readonly arrayBuffers: number };
  /** The tap's capture counters (its metrics): drops by reason, captures cut by the in-flight budget, SSE events not kept. */
  readonly capture?: CaptureCounters;
}

export interface CaptureCounters {
  /** `understudy_tap_capture_dropped_total` by reason (queue_full, store_error, closed, capture_error). */
  readonly droppedBy: Readonly<Record<string, number>>;
  /** `understudy_tap_capture_truncated_total{reason="in_flight_budget"}`. */
  readonly cutByBudget: number;
  /** `understudy_tap_sse_events_dropped_total`. */
  readonly sseEventsDropped: number;
}

export interface TapProfileReply {
  readonly type: 'profiling' | 'profiled';
  /** The written profile (on `profiled`), or why none was taken. */
  readonly path?: string;
  readonly error?: string;
}

export type TapReply = TapStatsReply | TapProfileReply;
