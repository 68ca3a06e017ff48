import { type ExchangeParts, type PriceLookup, type Redactor, recordExchange } from '@understudy/capture';
import type { Exchange, IdGenerator } from '@understudy/core';
import { headerRecord } from '../forward/forward-headers.js';
import type { ForwardCapture, ForwardResult } from '../forward/forward-result.js';

export interface ExchangeBuilderDeps {
  readonly ids: IdGenerator;
  readonly redactor: Redactor;
  readonly prices: PriceLookup;
  readonly maxBodyBytes: number;
  readonly versionName: string;
}

/**
 * Hands the raw material of one forwarded request to capture's `recordExchange`, the one way
 * every path records. Runs after the client's response has ended, so none of it delays a byte.
 */
export function buildExchange(result: ForwardResult, capture: ForwardCapture, deps: ExchangeBuilderDeps): Exchange {
  return recordExchange(captureParts(result, capture, deps.ids(), deps.versionName, null), deps);
}

/**
 * The raw, unredacted parts of one forwarded request as `recordExchange` takes them (a capture
 * writer that builds gets them packed instead: see `packParts`).
 */
export function captureParts(
  result: ForwardResult,
  capture: ForwardCapture,
  id: string,
  versionName: string,
  parentId: string | null,
): ExchangeParts {
  // A live stream's events are its body's: parsed once, from the text the build decodes anyway.
  const arrivals = capture.sseArrivals();
  const usage = capture.streamUsage();
  return {
    id,
    startedAt: result.startedAt,
    version: versionName,
    role: 'live',
    parentId,
    request: {
      method: result.method,
      path: result.path,
      query: result.query,
      headers: headerRecord(capture.requestHeaders),
      body: capture.request.body(),
    },
    reply: {
      status: result.status,
      headers: capture.responseHeaders === null ? {} : headerRecord(capture.responseHeaders),
      body: capture.response.body(),
      ...(arrivals === undefined ? { sseEvents: capture.sseEvents() } : { sseArrivals: arrivals }),
      streamed: result.streamed,
      ...(usage === undefined ? {} : { streamUsage: usage }),
    },
    ttfbMs: result.ttfbMs,
    durationMs: result.durationMs,
    error: result.error,
  };
}

/** Rough bytes an exchange holds in the capture queue, for its byte bound. */
export function exchangeBytes(e: Exchange): number {
  let n = 1024 + e.requestBody.bytes.length + e.responseBody.bytes.length;
  if (e.sseEvents !== null) for (const ev of e.sseEvents) n += ev.data.length + 32;
  return n;
}
