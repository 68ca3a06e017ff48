import type { CaptureBudget, PriceLookup, Redactor } from '@understudy/capture';
import type { Clock, IdGenerator, Logger, Version } from '@understudy/core';
import { headerRecord } from '../forward/forward-headers.js';
import type { ForwardResult } from '../forward/forward-result.js';
import type { ShadowMirror } from '../shadow/shadow-mirror.js';
import type { TapMetrics } from '../tap-metrics.js';
import type { CaptureQueue } from './capture-queue.js';
import type { CaptureTally } from './capture-tally.js';
import { DeferredBuilds } from './deferred-builds.js';
import { buildExchange, exchangeBytes } from './exchange-builder.js';
import { packedBytes, packParts, releasePacked } from './packed-parts.js';

export interface CaptureRecorderDeps {
  readonly queue: CaptureQueue;
  readonly metrics: TapMetrics;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly redactor: Redactor;
  readonly prices: PriceLookup;
  readonly maxBodyBytes: number;
  /** The in-flight capture budget: raw parts handed to the writer stay inside it until stored (see `CaptureQueue.offer`). */
  readonly budget: Pick<CaptureBudget, 'take'>;
  /** True when the capture writer builds the exchanges (`CaptureSink.buildWith`): the tap hands it raw parts. */
  readonly writerBuilds: boolean;
  readonly shadow: () => ShadowMirror | undefined;
  readonly tally?: Pick<CaptureTally, 'accepted' | 'refused'> | undefined;
}

export interface CaptureRecorder {
  /**
   * Counts one forwarded request in the metrics and, when it was captured, builds its exchange
   * (or its raw parts for the writer) and queues it. Returns the exchange id, or null when not captured.
   */
  record(result: ForwardResult, version: Version, parentId?: string | null, exchangeId?: string): string | null;
  /** Exchanges still waiting to be built. */
  readonly building: number;
  /** Builds every waiting exchange now (flush and shutdown). */
  drain(): void;
}

/** Exchanges holding at least this much are built later (a long stream's: ~11 ms for 40 KB of SSE here). */
const deferBuildBytes = 16 * 1024;

/**
 * Turns each forwarded request's capture into a queued exchange. A short exchange (~0.2 ms to
 * build) is built where its response ended; a long one waits for quiet turns of the event loop.
 */
export function createCaptureRecorder(deps: CaptureRecorderDeps): CaptureRecorder {
  const { queue, metrics, ids, logger, redactor, prices, maxBodyBytes, writerBuilds } = deps;
  // Past 1 000 waiting, exchanges are built where their responses end again: a tap saturated by
  // short requests must not pile up their raw material (bench:tap peak RSS +67 MB with no bound).
  const builds = new DeferredBuilds({ clock: deps.clock, maxPending: 1_000 });

  const record = (result: ForwardResult, version: Version, parentId: string | null = null, exchangeId?: string): string | null => {
    metrics.request(version.name, result.clientStatus, result.durationMs, result.ttfbMs);
    const raw = result.capture;
    if (raw === null) return null;
    if (raw.cutByBudget) metrics.cutByBudget();
    // The id the agent already saw in `x-understudy-exchange`, so its tool calls join this exchange.
    const id = exchangeId ?? ids();
    const release = raw.keep();
    const build = (): void => {
      try {
        // A stream held whole goes to the writer unscanned, having left no event out (ForwardCapture.sseChunks);
        // else read here, where a long stream's end-of-stream scan runs (in a deferred build's slice).
        const sseDropped = writerBuilds && raw.sseChunks() !== undefined ? 0 : raw.sseDropped();
        if (sseDropped > 0) metrics.sseEventsDropped(sseDropped);
        if (writerBuilds) {
          const packed = packParts(result, raw, id, version.name, parentId);
          // The parts hold what the capture held: its share of the in-flight budget moves with them
          // and stays reserved until the writer has stored them (see CaptureQueue.offer).
          const held = raw.request.held + raw.response.held;
          release();
          if (!queue.offer({ unbuilt: packed }, packedBytes(packed), deps.budget.take(held))) {
            releasePacked(packed);
            deps.tally?.refused(1);
          }
          return;
        }
        const built = buildExchange(result, raw, {
          ids: () => id,
          redactor,
          prices,
          maxBodyBytes,
          versionName: version.name,
        });
        // A stable answer to a candidate's fallback points at the failed attempt, so the canary's
        // stable arm can leave it out while the attempt counts against the candidate.
        const exchange = parentId === null ? built : { ...built, parentId };
        if (!queue.offer(exchange, exchangeBytes(exchange))) deps.tally?.refused(1);
        // After the client has its response: the shadow copy can never delay or change it.
        deps.shadow()?.offer({
          live: exchange,
          rawHeaders: headerRecord(raw.requestHeaders),
          rawPath: result.path,
          rawQuery: result.query,
          rawBody: raw.request.body(),
        });
      } catch (error) {
        // A capture must never break the proxy: count it as dropped and carry on.
        metrics.dropped(1, 'capture_error');
        deps.tally?.refused(1);
        logger.error({ err: error, path: result.path }, 'capture failed; exchange dropped');
      } finally {
        release();
      }
    };
    deps.tally?.accepted();
    // A short exchange (~0.2 ms to build) is built at once: deferring it only moves its cost and holds its memory.
    if (raw.request.held + raw.response.held < deferBuildBytes || !builds.offer(build)) build();
    return id;
  };

  return {
    record,
    get building() {
      return builds.depth;
    },
    drain: () => builds.drain(),
  };
}
