import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { BodyCapture, type CaptureBudget, classifyUpstreamError, SseCapture, unboundedBudget } from '@understudy/capture';
import type { Clock } from '@understudy/core';
import { errorStatus } from '@understudy/core';
import type { Dispatcher } from 'undici';
import { clientResponseHeaders, upstreamRequestHeaders } from './forward-headers.js';
import type { ForwardCapture, ForwardResult } from './forward-result.js';
import { headerStrings, headerValue } from './raw-headers.js';
import { splitTarget } from './split-target.js';
import type { UpstreamTarget } from './upstream-pools.js';
import { writeError } from './write-error.js';

export interface ForwardOptions {
  readonly incoming: IncomingMessage;
  readonly outgoing: ServerResponse;
  readonly target: UpstreamTarget;
  /** The per-body capture cap, or null when this request is not captured. */
  readonly captureBytes: number | null;
  readonly clock: Clock;
  /** Called exactly once, after the client response has ended (or failed). */
  readonly onEnd: (result: ForwardResult) => void;
  /** The request body, already read (the canary split buffers it to read a JSON sticky key or to resend it). */
  readonly body?: Buffer;
  /**
   * Canary fallback: when this returns true for the upstream's status (null: no response), the
   * response is abandoned before any byte reaches the client and `onEnd` reports `fellBack`.
   */
  readonly fallbackWhen?: (status: number | null) => boolean;
  /** Memory shared by every capture in flight (default: no shared bound, only `captureBytes` each). */
  readonly budget?: Pick<CaptureBudget, 'take' | 'release'>;
  /** Flat `[name, value, …]` added to the upstream request after the inbound ones are filtered (the tap's correlation headers). */
  readonly extraHeaders?: readonly string[];
}

class ClientDisconnected extends Error {
  override readonly name = 'ClientDisconnected';
}

class FallbackTaken extends Error {
  override readonly name = 'FallbackTaken';
}

/**
 * The forwarding core, shared by the tap and (later) the shadow mirror and egress proxy:
 * streams `incoming` to the target through its undici dispatcher and the response back to
 * `outgoing` chunk by chunk, with backpressure both ways, while a tee keeps capped copies of
 * both bodies. It works on Node's own objects, not WHATWG streams, which are several times
 * slower per chunk on Node 20.
 */
export function forward(options: ForwardOptions): void {
  const { incoming, outgoing, target, clock, captureBytes } = options;
  const startedAt = clock.now();
  const t0 = clock.monotonic();
  const method = incoming.method ?? 'GET';
  const { path, query } = splitTarget(incoming.url ?? '/');
  const socket = incoming.socket as Partial<TLSSocket> | null;
  const headers = upstreamRequestHeaders(incoming.rawHeaders, target.extra, {
    remoteAddress: socket?.remoteAddress,
    encrypted: socket?.encrypted === true,
  });
  if (options.extraHeaders !== undefined) for (const item of options.extraHeaders) headers.push(item);

  if (!target.admit()) {
    // Past the configured cap: a clear answer now, never a wait in the pool behind long streams.
    const message = `version ${target.version.name} has reached its cap of requests in flight (tap.connections)`;
    writeError(outgoing, errorStatus.upstream_saturated, 'upstream_saturated', message, target.version.name);
    options.onEnd({
      startedAt,
      method,
      path,
      query,
      status: null,
      clientStatus: errorStatus.upstream_saturated,
      streamed: false,
      ttfbMs: null,
      durationMs: clock.monotonic() - t0,
      error: { code: 'upstream_saturated', message },
      capture: null,
    });
    return;
  }

  const capturing = captureBytes !== null;
  const budget = options.budget ?? unboundedBudget;
  const request = new BodyCapture(captureBytes ?? 0, budget);
  const response = new BodyCapture(captureBytes ?? 0, budget);
  let sse: SseCapture | undefined;

  const buffered = options.body;
  const hasBody =
    buffered !== undefined
      ? buffered.length > 0
      : incoming.headers['transfer-encoding'] !== undefined || (incoming.headers['content-length'] ?? '0') !== '0';
  if (buffered !== undefined) {
    if (capturing && hasBody) request.push(buffered);
  } else if (hasBody && capturing) {
    // Paused first, so our listener cannot start the flow before undici's; undici resumes it.
    incoming.pause();
    incoming.on('data', (chunk: Buffer) => request.push(chunk));
  }

  let controller: Dispatcher.DispatchController | undefined;
  let status: number | null = null;
  let clientStatus = 0;
  let ttfbMs: number | null = null;
  let streamed = false;
  let responseHeaders: readonly string[] | null = null;
  let ended = false;
  let clientGone = false;
  let waitingForDrain = false;
  let fellBack = false;

  let kept = false;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    request.release();
    response.release();
    sse?.release();
  };

  const finish = (error: ForwardResult['error']): void => {
    if (ended) return;
    ended = true;
    target.leave();
    const stream = sse;
    options.onEnd({
      startedAt,
      method,
      path,
      query,
      status,
      clientStatus,
      streamed,
      ttfbMs,
      durationMs: clock.monotonic() - t0,
      error,
      ...(fellBack ? { fellBack } : {}),
      capture: capturing
        ? {
            requestHeaders: incoming.rawHeaders,
            request,
            responseHeaders,
            response,
            // Each ends the stream first (its end-of-stream scan, once): see ForwardCapture.streamUsage.
            // No stream (most requests): shared functions, no closures made per request.
            sseEvents: stream === undefined ? noStream.sseEvents : () => endedSse(stream).events,
            sseArrivals: stream === undefined ? noStream.sseArrivals : () => endedSse(stream).arrivals(),
            streamUsage: stream === undefined ? noStream.streamUsage : () => endedSse(stream).usage(),
            sseDropped: stream === undefined ? noStream.sseDropped : () => endedSse(stream).dropped,
            sseChunks: stream === undefined ? noStream.sseChunks : () => stream.chunks(),
            cutByBudget: request.cutByBudget || response.cutByBudget || sse?.cutByBudget === true,
            keep() {
              kept = true;
              return release;
            },
          }
        : null,
    });
    // Built (its bodies copied) by now unless the caller kept the capture: its chunks go back to the budget.
    if (!kept) release();
  };

  const onDrain = (): void => {
    waitingForDrain = false;
    controller?.resume();
  };

  outgoing.on('close', () => {
    if (ended) return;
    clientGone = true;
    // Cancels the upstream request; undici then reports it through onResponseError.
    if (controller !== undefined) controller.abort(new ClientDisconnected('the client closed the connection'));
    else finish({ code: 'client_disconnected', message: 'the client closed the connection' });
  });

  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(c) {
      controller = c;
      if (clientGone) c.abort(new ClientDisconnected('the client closed the connection'));
    },
    onResponseStart(c, statusCode) {
      if (options.fallbackWhen?.(statusCode) === true) {
        fellBack = true;
        status = statusCode;
        finish({
          code: 'upstream_error',
          message: `version ${target.version.name} answered ${statusCode}; served by the fallback version`,
        });
        c.abort(new FallbackTaken('fallback taken'));
        return;
      }
      status = statusCode;
      clientStatus = statusCode;
      ttfbMs = clock.monotonic() - t0;
      // One latin1 conversion per field; every later look-up works on strings.
      const raw = headerStrings(c.rawHeaders);
      responseHeaders = raw;
      const out = clientResponseHeaders(raw, target.version.name);
      const contentType = headerValue(raw, 'content-type');
      streamed = headerValue(raw, 'content-length') === undefined;
      outgoing.writeHead(statusCode, out);
      // A streamed body may be slow to start: send the head now so the client's TTFB is the upstream's.
      if (streamed) outgoing.flushHeaders();
      if (capturing && contentType?.includes('text/event-stream') && headerValue(raw, 'content-encoding') === undefined) {
        sse = new SseCapture(captureBytes ?? 0, budget, response);
      }
    },
    onResponseData(c, chunk) {
      if (fellBack || outgoing.destroyed) return;
      if (!outgoing.write(chunk) && !waitingForDrain) {
        waitingForDrain = true;
        c.pause();
        outgoing.once('drain', onDrain);
      }
      // Not after the capture was released (its blocks may be another capture's by then).
      if (capturing && !released) {
        response.push(chunk);
        sse?.push(chunk, clock.monotonic() - t0);
      }
    },
    onResponseEnd() {
      if (fellBack) return;
      outgoing.end();
      finish(null);
    },
    onResponseError(_c, err) {
      if (ended) return;
      if (clientGone || err instanceof ClientDisconnected) {
        finish({ code: 'client_disconnected', message: 'the client closed the connection before the response ended' });
        return;
      }
      const code = classifyUpstreamError(err, { responded: status !== null });
      const message = describe(err, code, target);
      if (!outgoing.headersSent && options.fallbackWhen?.(null) === true) {
        fellBack = true;
        finish({ code, message });
        return;
      }
      // The upstream may never have read the request body (connection refused): read the rest
      // ourselves (bounded by the capture cap) so the capture can be replayed. Resumed before the
      // error is written, so Node does not discard the unread body when the response ends.
      const unread = capturing && hasBody && buffered === undefined && !incoming.readableEnded && !incoming.destroyed;
      if (unread) incoming.resume();
      if (!outgoing.headersSent) {
        clientStatus = code === 'upstream_timeout' ? errorStatus.upstream_timeout : errorStatus.upstream_unreachable;
        writeError(outgoing, clientStatus, code, message, target.version.name);
      } else {
        // Headers are out: the only honest signal left is an incomplete body.
        outgoing.destroy(err);
      }
      if (!unread) return finish({ code, message });
      const done = (): void => finish({ code, message });
      incoming.once('end', done);
      incoming.once('close', done);
    },
  };

  target.dispatcher.dispatch(
    {
      origin: target.origin,
      path: target.basePath + path + (query === '' ? '' : `?${query}`),
      method: method as Dispatcher.HttpMethod,
      headers,
      body: buffered ?? (hasBody ? incoming : null),
    },
    handler,
  );
}

/** `sse` ended (idempotent): the end-of-stream scan runs at the first read of its results, not when the response ends. */
function endedSse(sse: SseCapture): SseCapture {
  sse.end();
  return sse;
}

/** What a capture of a reply that is no uncompressed event stream reads. */
const noStream: Pick<ForwardCapture, 'sseEvents' | 'sseArrivals' | 'streamUsage' | 'sseDropped' | 'sseChunks'> = {
  sseEvents: () => null,
  sseArrivals: () => undefined,
  streamUsage: () => undefined,
  sseDropped: () => 0,
  sseChunks: () => undefined,
};

function describe(err: Error, code: string, target: UpstreamTarget): string {
  const detail = (err as { code?: unknown }).code;
  const why = typeof detail === 'string' ? `${detail}: ${err.message}` : err.message;
  const what = code === 'upstream_timeout' ? 'timed out' : code === 'upstream_error' ? 'failed mid-response' : 'is unreachable';
  return `upstream of version ${target.version.name} ${what} (${why})`;
}
