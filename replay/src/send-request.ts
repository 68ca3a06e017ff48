import { classifyUpstreamError, type RecordDeps, recordExchange, resentHeaders, resentQuery } from '@understudy/capture';
import type { Clock, Exchange, ExchangeError, ExchangeErrorCode, Version } from '@understudy/core';
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
  readonly error: ExchangeError | null;
}

/**
 * The headers a replayed request carries (capture's policy for a re-sent request): the
 * original's end-to-end fields without any secret-named one — a recording holds placeholders,
 * and an end user's credential is never sent to a candidate — then the version's own headers
 * (its credentials), then our markers.
 */
export function replayHeaders(original: Exchange, version: Version, marks: Record<string, string>): Record<string, string> {
  return resentHeaders(original.requestHeaders, version.headers, marks);
}

/** The upstream base path joined with the exchange's path and query. */
export function replayUrl(version: Version, original: Exchange): URL {
  const base = new URL(version.upstream);
  const prefix = base.pathname.replace(/\/$/, '');
  const url = new URL(`${prefix}${original.path}`, base.origin);
  // Secret-named parameters hold placeholders in a recording: never sent, like credential headers.
  url.search = resentQuery(original.query);
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
    const code = classifyUpstreamError(cause, { timedOut, responded: status !== null });
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

/**
 * A replayed exchange: what the target answered to the original request, recorded through
 * capture like every other path (so the version's own credentials, a `set-cookie` or an email in
 * the answer are redacted, and usage is read).
 */
export function replayExchange(
  original: Exchange,
  version: Version,
  outcome: AttemptOutcome,
  meta: { id: string; startedAt: number; requestHeaders: Record<string, string>; marks: Record<string, string> },
  deps: RecordDeps,
): Exchange {
  return recordExchange(
    {
      id: meta.id,
      startedAt: meta.startedAt,
      version: version.name,
      role: 'replay',
      parentId: original.id,
      request: {
        method: original.method,
        path: original.path,
        query: original.query,
        headers: meta.requestHeaders,
        body: original.requestBody,
        marks: meta.marks,
      },
      reply: {
        status: outcome.error === null ? outcome.status : null,
        headers: outcome.responseHeaders,
        body: { bytes: outcome.body, size: outcome.size, truncated: outcome.truncated },
      },
      ttfbMs: outcome.ttfbMs,
      durationMs: outcome.durationMs,
      error: outcome.error,
    },
    deps,
  );
}

/** No response arrived (refused, reset, DNS): worth a retry. A timeout is not (the agent may still be working). */
export function isConnectionError(code: ExchangeErrorCode): boolean {
  return code === 'upstream_unreachable';
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
