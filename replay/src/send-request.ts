import type { Clock, Exchange, Version } from '@understudy/core';
import { noUsage } from '@understudy/core';
import type { Dispatcher } from 'undici';

/** What one attempt produced: a response (any status) or a transport failure. */
export interface AttemptOutcome {
  readonly status: number | null;
  readonly responseHeaders: Record<string, string>;
  readonly body: Uint8Array;
  readonly size: number;
  readonly truncated: boolean;
  readonly ttfbMs: number | null;
  readonly durationMs: number;
  readonly error: { readonly code: string; readonly message: string } | null;
}

// Hop-by-hop and framing headers are the connection's, not the message's (RFC 9110 §7.6.1);
// accept-encoding is dropped so the candidate answers in identity and bodies stay comparable.
const dropped = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
  'expect',
]);

/** The headers a replayed request carries: the original's, the version's, and our markers. */
export function replayHeaders(original: Exchange, version: Version, marks: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(original.requestHeaders)) {
    const lower = name.toLowerCase();
    if (dropped.has(lower) || lower.startsWith('x-understudy-')) continue;
    out[lower] = value;
  }
  for (const [name, value] of Object.entries(version.headers)) out[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(marks)) out[name] = value;
  return out;
}

/** The upstream base path joined with the exchange's path and query. */
export function replayUrl(version: Version, original: Exchange): URL {
  const base = new URL(version.upstream);
  const prefix = base.pathname.replace(/\/$/, '');
  const url = new URL(`${prefix}${original.path}`, base.origin);
  url.search = original.query;
  return url;
}

/** Sends one attempt, reading at most `maxBodyBytes` of the answer (the rest is counted). */
export async function sendOnce(
  dispatcher: Dispatcher,
  clock: Clock,
  request: { url: URL; method: string; headers: Record<string, string>; body: Uint8Array | null; timeoutMs: number; maxBodyBytes: number },
): Promise<AttemptOutcome> {
  const started = clock.monotonic();
  const controller = new AbortController();
  const timer = clock.setTimeout(
    () => controller.abort(new Error(`no complete response within ${request.timeoutMs} ms`)),
    request.timeoutMs,
  );
  let ttfbMs: number | null = null;
  let status: number | null = null;
  let responseHeaders: Record<string, string> = {};
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let size = 0;
  try {
    const response = await dispatcher.request({
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body === null || request.body.length === 0 ? null : request.body,
      signal: controller.signal,
    });
    ttfbMs = clock.monotonic() - started;
    status = response.statusCode;
    responseHeaders = flattenHeaders(response.headers);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (kept < request.maxBodyBytes) {
        const part = chunk.subarray(0, request.maxBodyBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
    }
    return {
      status,
      responseHeaders,
      body: concat(chunks, kept),
      size,
      truncated: size > kept,
      ttfbMs,
      durationMs: clock.monotonic() - started,
      error: null,
    };
  } catch (cause) {
    const timedOut = controller.signal.aborted;
    const code = timedOut ? 'upstream_timeout' : errorCode(cause);
    const message = timedOut
      ? `no complete response within ${request.timeoutMs} ms`
      : cause instanceof Error
        ? cause.message
        : String(cause);
    return {
      status: timedOut ? null : status,
      responseHeaders,
      body: concat(chunks, kept),
      size,
      truncated: size > kept,
      ttfbMs,
      durationMs: clock.monotonic() - started,
      error: { code, message },
    };
  } finally {
    timer.cancel();
  }
}

/** A replayed exchange: what the target answered to the original request. */
export function replayExchange(
  original: Exchange,
  version: Version,
  outcome: AttemptOutcome,
  meta: { id: string; startedAt: number; requestHeaders: Record<string, string> },
): Exchange {
  return {
    id: meta.id,
    startedAt: meta.startedAt,
    method: original.method,
    path: original.path,
    query: original.query,
    requestHeaders: storedHeaders(meta.requestHeaders),
    requestBody: original.requestBody,
    status: outcome.error === null ? outcome.status : null,
    responseHeaders: outcome.responseHeaders,
    responseBody: { bytes: outcome.body, size: outcome.size, truncated: outcome.truncated },
    streamed: (outcome.responseHeaders['content-type'] ?? '').includes('text/event-stream'),
    sseEvents: null,
    ttfbMs: outcome.ttfbMs,
    durationMs: outcome.durationMs,
    version: version.name,
    role: 'replay',
    parentId: original.id,
    usage: noUsage,
    error: outcome.error,
  };
}

// A version's own credentials (`versions add … --header authorization:…`) are sent, never stored.
const secretHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key']);

function storedHeaders(sent: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent))
    out[name] = secretHeaders.has(name) && !value.includes('[redacted') ? '[redacted]' : value;
  return out;
}

/** Connection-level failures (refused, reset, DNS, connect timeout): worth a retry. */
export function isConnectionError(code: string): boolean {
  return /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT|UND_ERR_CLOSED)$/.test(
    code,
  );
}

function errorCode(cause: unknown): string {
  if (typeof cause === 'object' && cause !== null) {
    const own = (cause as { code?: unknown }).code;
    if (typeof own === 'string') return own;
    const inner = (cause as { cause?: { code?: unknown } }).cause?.code;
    if (typeof inner === 'string') return inner;
  }
  return 'upstream_error';
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
