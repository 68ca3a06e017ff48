import {
  classifyUpstreamError,
  correlationSigner,
  exchangeHeader,
  type PriceLookup,
  type Redactor,
  recordExchange,
  resentHeaders,
  resentQuery,
  SseCapture,
  shadowHeader,
} from '@understudy/capture';
import type { CapturedBody, Clock, Exchange, IdGenerator, Logger, Random, ShadowConfig, Version } from '@understudy/core';
import { type Dispatcher, Pool } from 'undici';
import type { ShadowMetrics } from './shadow-metrics.js';
import { compileStickyKey, type StickyKey, stickyBucket } from './sticky-key.js';

/** The live exchange (as stored, redacted) and the raw request it came from. */
export interface ShadowOffer {
  readonly live: Exchange;
  /** Raw request headers, lower-case names, before redaction (the copy leaves out their credentials). */
  readonly rawHeaders: Readonly<Record<string, string>>;
  /** Raw path and query string (without `?`), before redaction: `live.path`/`live.query` are the redacted copies. */
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly rawBody: CapturedBody;
}

export interface ShadowMirrorDeps {
  readonly config: ShadowConfig;
  /** The candidate version the copies go to. */
  readonly version: Version;
  readonly redactor: Redactor;
  readonly metrics: ShadowMetrics;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  /** Where finished shadow exchanges go: the tap's capture queue. */
  readonly record: (shadow: Exchange) => void;
  /** Response bytes kept per shadow exchange (and per SSE event). */
  readonly maxBodyBytes: number;
  /** Prices a shadow reply's usage, as the live capture does. */
  readonly prices: PriceLookup;
  /** Tests inject their own; by default a Pool of `concurrency` connections to the candidate. */
  readonly dispatcher?: Dispatcher;
}

export interface ShadowMirror {
  /** Decides (sticky) and queues a shadow copy. Never throws, never waits: the live response has ended. */
  offer(offer: ShadowOffer): void;
  depth(): number;
  /** Drops what waits, gives in-flight copies `graceMs` to finish, closes the pool. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The live shadow: mirrors a sticky sample of live requests to a candidate version after the
 * client has its response, through a bounded queue (drop and count past it) and at most
 * `concurrency` requests in flight. Copies carry `x-understudy-shadow: 1`; the answers are
 * redacted like captures and recorded as `shadow` exchanges whose parent is the live one.
 */
export function createShadowMirror(deps: ShadowMirrorDeps): ShadowMirror {
  const { config, version, clock } = deps;
  const key: StickyKey | undefined = config.key === undefined ? undefined : compileStickyKey(config.key);
  const correlation = correlationSigner(deps.redactor.correlationKey());
  const url = new URL(version.upstream);
  const basePath = url.pathname.replace(/\/+$/, '');
  const dispatcher =
    deps.dispatcher ??
    new Pool(url.origin, { connections: config.concurrency, headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs });
  const queue: ShadowOffer[] = [];
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const chosen = (offer: ShadowOffer): boolean => {
    if (config.rate >= 1) return true;
    if (config.rate <= 0) return false;
    const session = key?.(offer.rawHeaders, () => textOf(offer.rawBody));
    return session === undefined ? deps.random.next() < config.rate : stickyBucket(session) < config.rate;
  };

  const pump = (): void => {
    while (!closed && inFlight.size < config.concurrency) {
      const next = queue.shift();
      if (next === undefined) return;
      const sending: Promise<void> = send(next)
        .catch((error: unknown) => deps.logger.error({ err: error }, 'shadow copy failed unexpectedly'))
        .finally(() => {
          inFlight.delete(sending);
          pump();
        });
      inFlight.add(sending);
    }
  };

  async function send(offer: ShadowOffer): Promise<void> {
    const { live } = offer;
    // The live request is in memory, but the end user's credentials stay with the live version:
    // the candidate gets the version's own headers (capture's policy for a re-sent request).
    const marks = { [shadowHeader]: '1' };
    const headers = resentHeaders(offer.rawHeaders, version.headers, marks);
    const query = resentQuery(offer.rawQuery);
    // The live exchange's recording answers the copy's tool calls; the copy's own id keeps two copies apart.
    const id = deps.ids();
    headers[exchangeHeader] = correlation.value(live.id, id);
    const started = clock.monotonic();
    const startedAt = clock.now();
    const controller = new AbortController();
    const timer = clock.setTimeout(() => controller.abort(), config.timeoutMs);
    let status: number | null = null;
    let responseHeaders: Record<string, string> = {};
    let ttfbMs: number | null = null;
    const chunks: Buffer[] = [];
    let held = 0;
    let size = 0;
    let error: Exchange['error'] = null;
    let sse: SseCapture | undefined;
    try {
      const res = await dispatcher.request({
        origin: url.origin,
        path: `${basePath}${offer.rawPath}${query === '' ? '' : `?${query}`}`,
        method: live.method as Dispatcher.HttpMethod,
        headers,
        body: offer.rawBody.bytes.length === 0 ? null : offer.rawBody.bytes,
        signal: controller.signal,
      });
      ttfbMs = clock.monotonic() - started;
      status = res.statusCode;
      responseHeaders = flatten(res.headers);
      // Parsed as it arrives, like a live capture, so events keep their timing for divergence.
      if (responseHeaders['content-type']?.includes('text/event-stream') && responseHeaders['content-encoding'] === undefined)
        sse = new SseCapture(deps.maxBodyBytes);
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        sse?.push(chunk, clock.monotonic() - started);
        size += chunk.length;
        if (held < deps.maxBodyBytes) {
          const part = chunk.subarray(0, deps.maxBodyBytes - held);
          chunks.push(Buffer.from(part));
          held += part.length;
        }
      }
      deps.metrics.mirrored();
    } catch (cause) {
      deps.metrics.error();
      const timedOut = controller.signal.aborted;
      error = {
        code: classifyUpstreamError(cause, { timedOut, responded: status !== null }),
        message: timedOut ? `no complete shadow response within ${config.timeoutMs} ms` : String((cause as Error)?.message ?? cause),
      };
      status = null;
    } finally {
      timer.cancel();
      sse?.end();
    }
    const bytes = Buffer.concat(chunks, held);
    deps.record(
      recordExchange(
        {
          id,
          startedAt,
          version: version.name,
          role: 'shadow',
          parentId: live.id,
          // The request as the candidate got it (the live path and query, this version's headers).
          request: { method: live.method, path: offer.rawPath, query, headers, body: offer.rawBody, marks },
          reply: {
            status,
            headers: responseHeaders,
            body: { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size, truncated: size > held },
            sseEvents: sse === undefined ? null : sse.events,
            ...(sse?.usage() === undefined ? {} : { streamUsage: sse.usage() }),
          },
          ttfbMs,
          durationMs: clock.monotonic() - started,
          error,
        },
        deps,
      ),
    );
  }

  return {
    offer(offer) {
      try {
        if (closed || !chosen(offer)) return;
        if (offer.rawBody.truncated) {
          deps.metrics.dropped('body_truncated');
          return;
        }
        if (queue.length >= config.queueSize) {
          deps.metrics.dropped('queue_full');
          return;
        }
        queue.push(offer);
        pump();
      } catch (error) {
        deps.logger.error({ err: error }, 'shadow offer failed; copy dropped');
      }
    },
    depth: () => queue.length,
    async close(graceMs = 2_000) {
      if (closed) return;
      closed = true;
      for (let i = queue.length; i > 0; i--) deps.metrics.dropped('closed');
      queue.length = 0;
      let timer: { cancel(): void } | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = clock.setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      timer?.cancel();
      if (deps.dispatcher === undefined) await dispatcher.destroy().catch(() => {});
    },
  };
}

function textOf(body: CapturedBody): string | undefined {
  return body.bytes.length === 0
    ? undefined
    : Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('utf8');
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
