import type { HttpBindings } from '@hono/node-server';
import type { Clock, Logger, Random, TapConfig, Version } from '@understudy/core';
import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { CanarySplit } from './canary/canary-split.js';
import type { CaptureSink } from './capture/capture-sink.js';
import type { CaptureTally } from './capture/capture-tally.js';

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
