/** Messages between the benchmark and its load-generator child (sent with `serialization: 'advanced'`). */

/** Where a contender is reached: an origin on 127.0.0.1, a path, and extra request headers. */
export interface Target {
  readonly name: string;
  readonly origin: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One request, its status and a bounded prefix of its body: proves a contender reaches the upstream. */
export interface CheckJob {
  readonly kind: 'check';
  readonly target: Target;
  readonly stream: boolean;
}

/** Closed loop: `connections` callers, each sending its next request when the last one ends. */
export interface ClosedJob {
  readonly kind: 'closed';
  readonly target: Target;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

/**
 * Open loop: requests sent on a fixed schedule whatever the answers do. With several targets,
 * each gets `rate` req/s and every slot sends to all of them (in a rotating order), so that a
 * noisy moment on a shared machine lands on every target alike.
 */
export interface OpenJob {
  readonly kind: 'open';
  readonly targets: readonly Target[];
  /** Requests per second, per target. */
  readonly rate: number;
  /** Pool connections, per target. */
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** SSE streams, one at a time, alternating between the targets so that noise hits them alike. */
export interface SseJob {
  readonly kind: 'sse';
  readonly targets: readonly Target[];
  readonly streamsPerTarget: number;
  /** Events a complete stream carries (including `[DONE]`). */
  readonly expectedEvents: number;
}

export type LoadJob = CheckJob | ClosedJob | OpenJob | SseJob;

export interface CheckResult {
  readonly kind: 'check';
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface ClosedResult {
  readonly kind: 'closed';
  /** Every request the job sent, warm-up included (for CPU per request). */
  readonly sent: number;
  /** Responses that ended inside the measured window. */
  readonly completed: number;
  readonly errors: number;
  readonly seconds: number;
  /** Sorted latencies (ms) of the measured requests. */
  readonly latencies: Float64Array;
}

export interface OpenTargetResult {
  readonly name: string;
  /** Requests sent in the measured window (after the warm-up). */
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  /** Sorted latencies (ms) from send to the last body byte, of the measured requests. */
  readonly latencies: Float64Array;
  /** Latency samples dropped past the buffer bound. */
  readonly samplesDropped: number;
}

export interface OpenResult {
  readonly kind: 'open';
  readonly targets: readonly OpenTargetResult[];
  /** Slots sent more than 2 ms behind schedule: the generator, not a contender, fell behind. */
  readonly late: number;
}

export interface SseTargetResult {
  readonly name: string;
  /** Sorted times (ms) from send to the first body byte. */
  readonly ttfb: Float64Array;
  /** Sorted times (ms) from send to the end of the stream. */
  readonly total: Float64Array;
  readonly errors: number;
  /** Streams that ended with a different number of events than expected. */
  readonly incomplete: number;
}

export interface SseResult {
  readonly kind: 'sse';
  readonly targets: readonly SseTargetResult[];
}

export type LoadResult = CheckResult | ClosedResult | OpenResult | SseResult;

export interface JobMessage {
  readonly id: number;
  readonly job: LoadJob;
}

export type ReplyMessage = { readonly id: number; readonly result: LoadResult } | { readonly id: number; readonly error: string };
