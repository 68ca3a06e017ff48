import type { BodyCapture, ReportedUsage } from '@understudy/capture';
import type { ExchangeErrorCode, SseEvent } from '@understudy/core';

/** Why an exchange did not complete normally (capture's closed set). */
export type ForwardErrorCode = ExchangeErrorCode;

/** The unredacted raw material of one exchange; the capture pipeline turns it into an `Exchange`. */
export interface ForwardCapture {
  readonly requestHeaders: readonly string[];
  readonly request: BodyCapture;
  readonly responseHeaders: readonly string[] | null;
  readonly response: BodyCapture;
  /**
   * The stream's events (uncompressed `text/event-stream` only), else null: parsed from the held
   * body on the first call, so a capture built later holds no events until then. A method, not
   * a getter: an accessor in the per-request object literal gives each capture its own hidden
   * class, and the transition to it keeps the getter's closure — this request's sockets, headers
   * and bodies — alive through every young-generation GC until the next full one (bench:tap: every
   * request promoted, capture CPU 86 → ~190 µs per request).
   */
  sseEvents(): readonly SseEvent[] | null;
  /**
   * Instead of the events, their arrival times (see `SseCapture.arrivals`): the events are the
   * held body's own, for the builder to parse from the body text it reads anyway. Undefined when
   * the reply is no uncompressed event stream, or once `sseEvents()` has been called.
   */
  sseArrivals(): ArrayLike<number> | undefined;
  /**
   * The usage the stream reported. This and the other reads of a stream (`sseArrivals`,
   * `sseEvents`, `sseDropped`) run its end-of-stream scan on the first call, so a capture built
   * later (a long stream's, in `DeferredBuilds`' slices) is scanned there, not in the tick its
   * response ended in, where every other stream's next chunk would wait behind it.
   */
  streamUsage(): ReportedUsage | undefined;
  /** Events of the stream seen but not kept (past the per-exchange cap or the in-flight budget). */
  sseDropped(): number;
  /**
   * For a stream held whole and not scanned yet (see `SseCapture.chunks`), its chunk table, and
   * it reads nothing: a capture writer that builds then scans the stream instead of the proxy's
   * thread, and `sseDropped()` is 0. Undefined otherwise.
   */
  sseChunks(): ArrayLike<number> | undefined;
  /** True when the in-flight capture budget, not the per-body cap, cut a copy short. */
  readonly cutByBudget: boolean;
  /**
   * Keeps the held bytes past `onEnd` (to build the exchange later); the returned function gives
   * them back to the in-flight budget, once. Without it they go back as soon as `onEnd` returns.
   */
  keep(): () => void;
}

/** How one forwarded request went: the basis of metrics and, when captured, of the exchange. */
export interface ForwardResult {
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** The upstream's status, or null when no response arrived. */
  readonly status: number | null;
  /** What the client got: the upstream's status, the tap's 502/504, or 0 when it left first. */
  readonly clientStatus: number;
  readonly streamed: boolean;
  readonly ttfbMs: number | null;
  readonly durationMs: number;
  readonly error: { readonly code: ForwardErrorCode; readonly message: string } | null;
  readonly capture: ForwardCapture | null;
  /** True when `fallbackWhen` matched: nothing reached the client, the caller serves it elsewhere. */
  readonly fellBack?: boolean;
}
