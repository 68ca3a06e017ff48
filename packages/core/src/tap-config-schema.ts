import { z } from 'zod';
import { jsonPath, ms, port, timeoutsSchema } from './config-fields.js';
import { isStickyKey } from './sticky-key.js';

const captureSchema = z.strictObject({
  /** Share of requests captured, 0..1. */
  rate: z.number().min(0).max(1).default(1),
  /** Per-body cap; past it the stored copy is truncated and flagged. */
  maxBodyBytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024),
  /** Only these methods are captured (all when empty). */
  methods: z.array(z.string().toUpperCase()).default([]),
  /** Only paths matching one of these globs are captured (all when empty). */
  paths: z.array(z.string()).default([]),
  /** Paths matching one of these globs are never captured. */
  excludePaths: z.array(z.string()).default([]),
  queueSize: z.number().int().positive().default(20_000),
  /** Bytes of captured bodies the queue may hold; past it captures are dropped (counted). */
  queueMaxBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  batchSize: z.number().int().positive().default(500),
  flushIntervalMs: ms.default(50),
  /**
   * Bytes all captures still in flight (long streams) may hold together; past it a capture keeps
   * no more (its copy is cut and flagged, counted), so memory does not grow with stream sizes.
   * The process pays about twice this in RSS when the held chunks are large (25 KB events: the
   * malloc heap keeps what a stream's chunks and its concatenated body leave behind), so 64 MiB:
   * 1 000 x 5 MB streams peaked at 355-383 MB with it, 474-537 MB with 128 MiB, while 3 000
   * concurrent 40 KB streams still had none cut (bench:streams, docs/benchmarks.md).
   */
  inFlightMaxBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /**
   * How many nice steps the SQLite capture writer runs below the proxy (0-19, capped at nice 19;
   * Linux: its thread's, or its process's with `understudy tap`; relative, so a tap run under
   * `nice` keeps the gap). Its builds (redaction) and inserts can wait — the queue and the in-flight
   * budget bound what waits, past them captures are dropped and counted — while every client's
   * next chunk waits on the proxy's thread: on busy cores the proxy runs first. 10 cut the added
   * per-event delay p99 at 1 000 streams by about a fifth (bench:streams, docs/benchmarks.md);
   * 0 gives the writer the proxy's priority.
   */
  writerNiceness: z.number().int().min(0).max(19).default(10),
});

const redactionSchema = z.strictObject({
  /** Header names redacted on top of the default list. */
  headers: z.array(z.string().toLowerCase()).default([]),
  /** JSON paths in request and response bodies, e.g. `$.user.email` or `$.messages[*].name`. */
  jsonPaths: z.array(jsonPath).default([]),
  /** Extra regexes applied to body text. */
  patterns: z.array(z.strictObject({ name: z.string().min(1), regex: z.string().min(1) })).default([]),
  /** Email, card number and bearer token patterns on bodies. */
  builtinPatterns: z.boolean().default(true),
  /** Secret for the keyed hash behind placeholders; generated into `data/` when absent. */
  key: z.string().min(16).optional(),
});

/** The tap's own timeouts on its clients, on top of the upstream ones. */
const tapTimeoutsSchema = timeoutsSchema.extend({
  /** A request head not complete within this is answered 408 and closed (slowloris). */
  clientHeadersMs: ms.default(10_000),
  /** A request body with no byte for this long is answered 408 (or cut, once streaming) and closed. */
  clientBodyIdleMs: ms.default(10_000),
});

/**
 * Request bodies. A body up to `bufferBytes` is read whole before an upstream connection is
 * taken, so slow uploaders hold tap memory (bounded) and never the upstream pool; larger and
 * chunked bodies stream, at most `maxStreaming` at once.
 */
const uploadsSchema = z.strictObject({
  bufferBytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024),
  /** Bytes all buffering uploads may hold together; past it new uploads get 503. */
  maxBufferedBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** Uploads streaming to the upstream at once (each holds a pool connection); past it 503. Default: a quarter of `connections` when set, else 1 024. */
  maxStreaming: z.number().int().positive().optional(),
  /** The largest request body forwarded; past it 413. */
  maxRequestBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});

const shadowSchema = z.strictObject({
  /** The candidate version shadow copies go to (a name from `versions` or the store); off when absent. */
  version: z.string().optional(),
  /** Share of sessions (or requests, without a key) mirrored, 0..1. */
  rate: z.number().min(0).max(1).default(0),
  /** Sticky key: `header:NAME`, `cookie:NAME` or `json:$.path`, so a whole conversation is shadowed or none of it. */
  key: z.string().refine(isStickyKey, 'expected header:NAME, cookie:NAME or json:$.path').optional(),
  /** Shadow requests in flight at once. */
  concurrency: z.number().int().positive().default(16),
  /** Shadow requests waiting; past it they are dropped (counted). */
  queueSize: z.number().int().positive().default(1000),
  timeoutMs: ms.default(30_000),
});

export const tapSchema = z.strictObject({
  port: port.default(8080),
  host: z.string().default('0.0.0.0'),
  /** The version this tap forwards to; it must name an entry of `versions`. */
  version: z.string().default('stable'),
  /**
   * Requests in flight to one version at most. Unset (the default), the tap opens a connection
   * per concurrent request with no limit, as thousands of long streams need; set, a request past
   * the cap is answered 503 `upstream_saturated` at once, never queued behind the others.
   */
  connections: z.number().int().positive().optional(),
  timeouts: tapTimeoutsSchema.prefault({}),
  uploads: uploadsSchema.prefault({}),
  capture: captureSchema.prefault({}),
  redaction: redactionSchema.prefault({}),
  /**
   * USD per million tokens by model name (or name prefix), on top of the tap's default table;
   * a model found in neither gets `costUsd: null`.
   */
  pricing: z.record(z.string(), z.strictObject({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) })).default({}),
  /** Live shadow mirroring of a sticky sample of requests to a candidate version. */
  shadow: shadowSchema.prefault({}),
  /**
   * How often the tap reads its route's routing as the fallback for a missed push: a change is
   * applied at once when written in this process, and over LISTEN/NOTIFY on PostgreSQL.
   */
  routingPollMs: ms.default(250),
});
