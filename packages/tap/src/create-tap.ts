import type { IncomingMessage, ServerResponse } from 'node:http';
import { CaptureBudget, correlationSigner, createRedactor, exchangeHeader, priceLookup } from '@understudy/capture';
import { createIdGenerator, silentLogger, systemClock, systemRandom, type Version } from '@understudy/core';
import { Registry } from 'prom-client';
import type { SplitSendOptions } from './canary/canary-split.js';
import { registerRoutingMetrics } from './canary/routing-metrics.js';
import { captureFilter } from './capture/capture-filter.js';
import { CaptureQueue } from './capture/capture-queue.js';
import { createCaptureRecorder } from './capture/capture-recorder.js';
import { refusalsOnly } from './capture/capture-tally.js';
import { exchangeBytes } from './capture/exchange-builder.js';
import { releasePacked } from './capture/packed-parts.js';
import { writerBuilder } from './capture/writer-builder.js';
import { forward } from './forward/forward.js';
import { createUploadGate } from './forward/upload-gate.js';
import { createUpstreamPools, type UpstreamTarget } from './forward/upstream-pools.js';
import { writeError } from './forward/write-error.js';
import { createShadowMetrics } from './shadow/shadow-metrics.js';
import { createShadowMirror, type ShadowMirror } from './shadow/shadow-mirror.js';
import type { Tap, TapDeps, TapStats } from './tap.js';
import { createTapApp } from './tap-app.js';
import { createTapMetrics, registerWriterMetrics } from './tap-metrics.js';

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
    budget,
    batchSize: capture.batchSize,
    flushIntervalMs: capture.flushIntervalMs,
    ...(deps.closeTimeoutMs === undefined ? {} : { closeTimeoutMs: deps.closeTimeoutMs }),
    // A capture counts as accepted when its build is queued (the recorder), so a kill that takes
    // captures still waiting to be built is counted too; the queue reports only what it refuses.
    ...(deps.tally === undefined ? {} : { tally: refusalsOnly(deps.tally) }),
    onWritten: metrics.written,
    onDropped: metrics.dropped,
    onStoreError: metrics.storeError,
    // The sink has copied (or refused) the batch's packed parts: their slabs can take new exchanges.
    onSettled: (items) => {
      for (const item of items) if ('unbuilt' in item && item.unbuilt instanceof Uint8Array) releasePacked(item.unbuilt);
    },
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
  const recorder = createCaptureRecorder({
    queue: captureQueue,
    metrics,
    ids,
    clock,
    logger,
    redactor,
    prices,
    maxBodyBytes: capture.maxBodyBytes,
    budget,
    writerBuilds,
    shadow: () => shadow,
    tally: deps.tally,
  });
  const { record } = recorder;

  /** The queue's figures with the exchanges still waiting to be built counted as queued. */
  const stats = (): TapStats => {
    const q = captureQueue.stats();
    const building = recorder.building;
    return { ...q, queueDepth: q.queueDepth + building, building };
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

  const app = createTapApp({
    versionName: deps.version.name,
    registry,
    stats,
    lostBeforeStart,
    writerHealth,
    uploads,
    closing: () => closing !== undefined,
    proxy,
  });

  return {
    app,
    registry,
    stats,
    flush() {
      recorder.drain();
      return captureQueue.flush();
    },
    close() {
      closing ??= (async () => {
        // No new captures once closing is set; the ones waiting to be built go to the queue first.
        recorder.drain();
        await shadow?.close();
        await captureQueue.close();
        await pools.close();
      })();
      return closing;
    },
  };
}
