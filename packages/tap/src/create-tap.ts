import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { CaptureBudget, correlationSigner, createRedactor, exchangeHeader, priceLookup } from '@understudy/capture';
import {
  type Clock,
  createIdGenerator,
  type Logger,
  type Random,
  silentLogger,
  systemClock,
  systemRandom,
  type TapConfig,
  type Version,
} from '@understudy/core';
import { Hono } from 'hono';
import { Registry } from 'prom-client';
import type { CanarySplit, SplitSendOptions } from './canary/canary-split.js';
import { registerRoutingMetrics } from './canary/routing-metrics.js';
import { captureFilter } from './capture/capture-filter.js';
import { CaptureQueue } from './capture/capture-queue.js';
import type { CaptureSink } from './capture/capture-sink.js';
import type { CaptureTally } from './capture/capture-tally.js';
import { DeferredBuilds } from './capture/deferred-builds.js';
import { buildExchange, captureParts, exchangeBytes, partsBytes, unbuilt } from './capture/exchange-builder.js';
import { writerBuilder } from './capture/writer-builder.js';
import { forward } from './forward/forward.js';
import { headerRecord } from './forward/forward-headers.js';
import type { ForwardResult } from './forward/forward-result.js';
import { removeDotSegments } from './forward/remove-dot-segments.js';
import { splitTarget } from './forward/split-target.js';
import { createUploadGate } from './forward/upload-gate.js';
import { createUpstreamPools, type UpstreamTarget } from './forward/upstream-pools.js';
import { writeError } from './forward/write-error.js';
import { createShadowMetrics } from './shadow/shadow-metrics.js';
import { createShadowMirror, type ShadowMirror } from './shadow/shadow-mirror.js';
import { createTapMetrics, registerWriterMetrics } from './tap-metrics.js';

export interface TapDeps {
  /** core `Config['tap']`: port, host, version, connections, timeouts, capture, redaction, pricing. */
  config: TapConfig;
  /** The version this tap forwards to: `{ name, upstream, headers }`. */
  version: Version;
  /** Where captured exchanges go, e.g. {@link storeSink} over a store. */
  sink: CaptureSink;
  /** Secret behind the keyed-hash redaction placeholders. */
  redactionKey: string;
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  /** prom-client registry the metrics are registered in (default: a new one). */
  registry?: Registry;
  /** The canary split (routing read from the store); when set it decides each request's version. */
  split?: CanarySplit;
  /** How long `close()` waits for the sink to take the queue (default 5 s). */
  closeTimeoutMs?: number;
  /** The candidate of the live shadow (`config.shadow`); no mirroring without it or at rate 0. */
  shadowVersion?: Version;
  /** The durable count of accepted captures of this process's capture run (`understudy tap` keeps one). */
  tally?: Pick<CaptureTally, 'accepted' | 'refused'>;
  /** What earlier taps on this host lost to a kill, as settled at this start: shown by healthz and the metrics. */
  lostBeforeStart?: LostBeforeStart;
}

/** Captures earlier taps accepted and never stored, found when this one started (see `capture_runs`). */
export interface LostBeforeStart {
  /** Killed runs settled at this start. */
  readonly runs: number;
  /** Captures they accepted and never stored. */
  readonly lost: number;
  /** Killed runs whose accepted count was gone: their loss is unknown. */
  readonly unknown: number;
}

export interface TapStats {
  /** Captures held: waiting to be built or queued for the store. */
  queueDepth: number;
  /** Of those, captures whose exchange is not built yet (building waits for quiet turns of the event loop). */
  building: number;
  captured: number;
  dropped: number;
  storeErrors: number;
  /** False from a batch the store refused until one is written again (`/_understudy/healthz` says degraded). */
  healthy: boolean;
  lastError: string | null;
}

export interface Tap {
  /** Serve with @hono/node-server: `serve({ fetch: tap.app.fetch, port, hostname })`. */
  readonly app: Hono<{ Bindings: HttpBindings }>;
  readonly registry: Registry;
  stats(): TapStats;
  /** Flushes the capture queue into the sink now (tests, shutdown). */
  flush(): Promise<void>;
  /** Stops capturing, flushes everything queued into the sink, closes upstream dispatchers. Idempotent. */
  close(): Promise<void>;
}

/** Paths under this prefix are the tap's own and are never forwarded. */
export const reservedPathPrefix = '/_understudy/';

/**
 * The capture tap: a reverse proxy that forwards every request to its version and records a
 * redacted copy of each exchange through a bounded, fail-open queue. Needs the Node adapter
 * (`@hono/node-server`): the proxy path works on Node's request and response objects.
 */
export function createTap(deps: TapDeps): Tap {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const logger = (deps.logger ?? silentLogger).child({ component: 'tap' });
  const registry = deps.registry ?? new Registry();
  const { config } = deps;
  const { capture } = config;

  // No pool limit unless configured, and then a cap answered with 503: a long stream must never
  // wait in the pool for another one to end.
  const pools = createUpstreamPools({ connections: config.connections, maxInFlight: config.connections, timeouts: config.timeouts });
  const budget = new CaptureBudget(capture.inFlightMaxBytes);
  const redactor = createRedactor(config.redaction, deps.redactionKey);
  const correlation = correlationSigner(redactor.correlationKey());
  const prices = priceLookup(config.pricing);
  const shouldCapture = captureFilter(capture, random);
  const ids = createIdGenerator({ clock, random });
  let queue: CaptureQueue | undefined;
  const lostBeforeStart = deps.lostBeforeStart ?? { runs: 0, lost: 0, unknown: 0 };
  const writerHealth = deps.sink.health?.bind(deps.sink);
  const metrics = createTapMetrics(registry, () => queue?.stats().queueDepth ?? 0, lostBeforeStart.lost);
  if (writerHealth !== undefined) registerWriterMetrics(registry, writerHealth);
  if (deps.split !== undefined) registerRoutingMetrics(registry, deps.split.watcher);
  queue = new CaptureQueue({
    sink: deps.sink,
    clock,
    logger,
    queueSize: capture.queueSize,
    queueMaxBytes: capture.queueMaxBytes,
    batchSize: capture.batchSize,
    flushIntervalMs: capture.flushIntervalMs,
    ...(deps.closeTimeoutMs === undefined ? {} : { closeTimeoutMs: deps.closeTimeoutMs }),
    // A capture counts as accepted when its build is queued (record below), so a kill that takes
    // captures still waiting to be built is counted too; the queue reports only what it refuses.
    ...(deps.tally === undefined ? {} : { tally: refusalsOnly(deps.tally) }),
    onWritten: metrics.written,
    onDropped: metrics.dropped,
    onStoreError: metrics.storeError,
  });
  const captureQueue = queue;
  let shadow: ShadowMirror | undefined;
  if (deps.shadowVersion !== undefined && config.shadow.rate > 0) {
    shadow = createShadowMirror({
      config: config.shadow,
      version: deps.shadowVersion,
      redactor,
      metrics: createShadowMetrics(registry, () => shadow?.depth() ?? 0),
      ids,
      clock,
      random,
      logger: logger.child({ component: 'shadow' }),
      record: (e) => captureQueue.offer(e, exchangeBytes(e)),
      maxBodyBytes: capture.maxBodyBytes,
      prices,
    });
  }
  // A writer that builds exchanges itself takes redaction, usage and the header policy off the
  // proxy's thread. The shadow mirror needs the built live exchange here, so with it the tap builds.
  const writerBuilds = shadow === undefined && deps.sink.buildWith !== undefined;
  if (writerBuilds) deps.sink.buildWith?.(writerBuilder(config, deps.redactionKey));
  const uploads = createUploadGate({
    uploads: config.uploads,
    // With no connection cap (the default) slow uploads cannot starve the pool, but streaming
    // ones stay bounded: a quarter of this, 1 024 at once, unless uploads.maxStreaming says otherwise.
    connections: config.connections ?? 4096,
    bodyIdleMs: config.timeouts.clientBodyIdleMs,
    clock,
    onRefused: metrics.uploadRefused,
  });
  let closing: Promise<void> | undefined;

  // Past 1 000 waiting, exchanges are built where their responses end again: a tap saturated by
  // short requests must not pile up their raw material (bench:tap peak RSS +67 MB with no bound).
  const builds = new DeferredBuilds({ clock, maxPending: 1_000 });
  /** Exchanges holding at least this much are built later (a long stream's: ~11 ms for 40 KB of SSE here). */
  const deferBuildBytes = 16 * 1024;

  const record = (result: ForwardResult, version: Version, parentId: string | null = null, exchangeId?: string): string | null => {
    metrics.request(version.name, result.clientStatus, result.durationMs, result.ttfbMs);
    const raw = result.capture;
    if (raw === null) return null;
    if (raw.sseDropped > 0) metrics.sseEventsDropped(raw.sseDropped);
    if (raw.cutByBudget) metrics.cutByBudget();
    // The id the agent already saw in `x-understudy-exchange`, so its tool calls join this exchange.
    const id = exchangeId ?? ids();
    const release = raw.keep();
    const build = (): void => {
      try {
        if (writerBuilds) {
          const parts = unbuilt(captureParts(result, raw, id, version.name, parentId));
          if (!captureQueue.offer(parts, partsBytes(parts.unbuilt))) deps.tally?.refused(1);
          return;
        }
        const built = buildExchange(result, raw, {
          ids: () => id,
          redactor,
          prices,
          maxBodyBytes: capture.maxBodyBytes,
          versionName: version.name,
        });
        // A stable answer to a candidate's fallback points at the failed attempt, so the canary's
        // stable arm can leave it out while the attempt counts against the candidate.
        const exchange = parentId === null ? built : { ...built, parentId };
        if (!captureQueue.offer(exchange, exchangeBytes(exchange))) deps.tally?.refused(1);
        // After the client has its response: the shadow copy can never delay or change it.
        shadow?.offer({
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

  /** The queue's figures with the exchanges still waiting to be built counted as queued. */
  const stats = (): TapStats => {
    const q = captureQueue.stats();
    return { ...q, queueDepth: q.queueDepth + builds.depth, building: builds.depth };
  };

  /** Forwards one request (its `path` already resolved) to the version the canary split chose. */
  const send = (incoming: IncomingMessage, outgoing: ServerResponse, path: string, version: Version, options: SplitSendOptions): void => {
    let target: UpstreamTarget;
    try {
      target = pools.target(version);
    } catch (error) {
      // Pools closed under a request the split was still buffering, or a version whose upstream
      // is no URL: answer, never throw. The split calls this from a promise callback, where a
      // throw is an unhandled rejection and the client would wait forever.
      logger.warn({ err: error, version: version.name }, 'no upstream for this request');
      if (!outgoing.headersSent) {
        if (closing !== undefined) writeError(outgoing, 503, 'unavailable', 'the tap is shutting down');
        else writeError(outgoing, 502, 'upstream_unreachable', `version ${version.name} has no usable upstream`, version.name);
      }
      return;
    }
    const captured = closing === undefined && shouldCapture(incoming.method ?? 'GET', path);
    const exchangeId = captured ? ids() : undefined;
    forward({
      incoming,
      outgoing,
      target,
      captureBytes: captured ? capture.maxBodyBytes : null,
      budget,
      clock,
      ...(exchangeId === undefined ? {} : { extraHeaders: [exchangeHeader, correlation.value(exchangeId)] }),
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.fallbackWhen === undefined ? {} : { fallbackWhen: options.fallbackWhen }),
      onEnd: (result) => {
        const id = record(result, version, options.parentId ?? null, exchangeId);
        if (result.fellBack === true) options.onFallback?.(id);
      },
    });
  };

  const proxy = (incoming: IncomingMessage, outgoing: ServerResponse, path: string, body: Buffer | undefined): void => {
    if (deps.split !== undefined) {
      deps.split.handle(incoming, outgoing, deps.version, (version, options) => send(incoming, outgoing, path, version, options), body);
      return;
    }
    send(incoming, outgoing, path, deps.version, body === undefined ? {} : { body });
  };

  const app = new Hono<{ Bindings: HttpBindings }>();
  // Always 200: the proxy serves while capture is degraded (fail-open), so a load balancer must
  // not pull the tap; `status: degraded` and the capture block tell an operator what is lost.
  app.get(`${reservedPathPrefix}healthz`, (c) => {
    const q = stats();
    return c.json({
      status: q.healthy ? 'ok' : 'degraded',
      version: deps.version.name,
      capture: {
        healthy: q.healthy,
        captured: q.captured,
        dropped: q.dropped,
        storeErrors: q.storeErrors,
        lastError: q.lastError,
        lostBeforeStart,
        ...(writerHealth === undefined ? {} : { writer: writerHealth() }),
      },
    });
  });
  app.get(`${reservedPathPrefix}metrics`, async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.all(`${reservedPathPrefix}*`, (c) => c.json({ error: { code: 'not_found', message: `${c.req.path} is reserved by the tap` } }, 404));
  app.all('*', (c) => {
    const { incoming, outgoing } = c.env;
    if (closing !== undefined) {
      writeError(outgoing, 503, 'unavailable', 'the tap is shutting down');
      return RESPONSE_ALREADY_SENT;
    }
    // RFC 9112 §3.2: a request with more than one Host field is answered 400 — two hosts make
    // the target ambiguous, and a proxy that picks one is how request smuggling starts.
    if (hostFields(incoming.rawHeaders) > 1) {
      writeError(outgoing, 400, 'bad_request', 'the request has more than one Host header (RFC 9112 §3.2)');
      return RESPONSE_ALREADY_SENT;
    }
    // Resolved here, once, so the split, the capture filter and forward() all see the path the
    // upstream gets; a `..` above the root would reach outside the version's base path.
    const { path, query } = splitTarget(incoming.url ?? '/');
    const resolved = removeDotSegments(path);
    if (resolved === null) {
      writeError(outgoing, 400, 'bad_request', `the path ${path} climbs above the root with ".." (or hides ".." in an encoding)`);
      return RESPONSE_ALREADY_SENT;
    }
    if (resolved !== path) incoming.url = resolved + (query === '' ? '' : `?${query}`);
    // Small bodies are read whole before an upstream connection is taken; see createUploadGate.
    uploads.admit(incoming, outgoing, ({ body }) => proxy(incoming, outgoing, resolved, body));
    return RESPONSE_ALREADY_SENT;
  });

  return {
    app,
    registry,
    stats,
    flush() {
      builds.drain();
      return captureQueue.flush();
    },
    close() {
      closing ??= (async () => {
        // No new captures once closing is set; the ones waiting to be built go to the queue first.
        builds.drain();
        await shadow?.close();
        await captureQueue.close();
        await pools.close();
      })();
      return closing;
    },
  };
}

function hostFields(rawHeaders: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length === 4 && name.toLowerCase() === 'host') n++;
  }
  return n;
}

/** The tally as the capture queue sees it: the queue counts what it refuses, never what it accepts. */
function refusalsOnly(tally: Pick<CaptureTally, 'accepted' | 'refused'>): Pick<CaptureTally, 'accepted' | 'refused'> {
  return { accepted: () => {}, refused: (rows) => tally.refused(rows) };
}
