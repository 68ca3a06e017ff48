import { isUtf8 } from 'node:buffer';
import {
  decodeBody,
  type ExchangeRedactor,
  isDecodable,
  type PriceLookup,
  type Redactor,
  type ReportedUsage,
  replyUsage,
  SseCapture,
} from '@understudy/capture';
import type { CapturedBody, Exchange, IdGenerator, SseEvent } from '@understudy/core';
import type { ForwardCapture, ForwardResult } from '../forward/forward.js';
import { headerRecord, reservedHeaderPrefix } from '../forward/forward-headers.js';

/** Header recorded on a captured exchange whose stored body was decoded from this encoding. */
export const decodedHeader = 'x-understudy-decoded';

export interface ExchangeBuilderDeps {
  readonly ids: IdGenerator;
  readonly redactor: Redactor;
  readonly prices: PriceLookup;
  readonly maxBodyBytes: number;
  readonly versionName: string;
}

/**
 * Turns the raw material of one forwarded request into the `Exchange` that is persisted:
 * decodes compressed copies, reads usage and cost, and redacts every part. Runs after the
 * client's response has ended, so none of this delays a byte of it.
 *
 * A decoded body is stored without its `content-encoding` (the bytes are identity-encoded
 * now) and the original encoding is recorded as `x-understudy-decoded: gzip|br|deflate`.
 */
export function buildExchange(result: ForwardResult, capture: ForwardCapture, deps: ExchangeBuilderDeps): Exchange {
  const redactor = deps.redactor.forExchange();
  const requestHeaders = headerRecord(capture.requestHeaders);
  for (const name of Object.keys(requestHeaders)) if (name.startsWith(reservedHeaderPrefix)) delete requestHeaders[name];
  const responseHeaders = capture.responseHeaders === null ? {} : headerRecord(capture.responseHeaders);

  const request = readBody(capture.request.body(), requestHeaders, deps.maxBodyBytes);
  const response = readBody(capture.response.body(), responseHeaders, deps.maxBodyBytes);
  const requestType = requestHeaders['content-type'] ?? '';
  const responseType = responseHeaders['content-type'] ?? '';

  let events: readonly SseEvent[] | null = capture.sseEvents;
  let usage: ReportedUsage | undefined = capture.streamUsage;
  if (responseType.includes('text/event-stream') && events === null && response.text !== undefined) {
    // A compressed stream could not be parsed on the fly; its events get the end time.
    const sse = new SseCapture(deps.maxBodyBytes);
    sse.push(Buffer.from(response.text, 'utf8'), result.durationMs);
    sse.end();
    events = sse.events;
    usage = sse.usage();
  }

  // Request parts first: secrets found there are then scrubbed from the response too.
  const redactedRequestHeaders = redactor.headers(requestHeaders);
  const query = redactor.query(result.query);
  const requestBody = redactedBody(request, requestType, redactor);
  const redactedResponseHeaders = redactor.headers(responseHeaders);
  const responseBody = redactedBody(response, responseType, redactor);
  return {
    id: deps.ids(),
    startedAt: result.startedAt,
    method: result.method,
    path: result.path,
    query,
    requestHeaders: redactedRequestHeaders,
    requestBody,
    status: result.status,
    responseHeaders: redactedResponseHeaders,
    responseBody,
    streamed: result.streamed,
    sseEvents: events === null ? null : events.map((e) => redactor.sseEvent(e)),
    ttfbMs: result.ttfbMs,
    durationMs: result.durationMs,
    version: deps.versionName,
    role: 'live',
    parentId: null,
    usage: replyUsage({ streamed: usage, responseText: response.text, responseType, requestText: request.text }, deps.prices),
    error: result.error,
  };
}

/** Rough bytes an exchange holds in the capture queue, for its byte bound. */
export function exchangeBytes(e: Exchange): number {
  let n = 1024 + e.requestBody.bytes.length + e.responseBody.bytes.length;
  if (e.sseEvents !== null) for (const ev of e.sseEvents) n += ev.data.length + 32;
  return n;
}

interface ReadBody {
  readonly body: CapturedBody;
  /** The body as text when it is text; undefined for binary bodies. */
  readonly text: string | undefined;
}

function readBody(raw: CapturedBody, headers: Record<string, string>, cap: number): ReadBody {
  let body = raw;
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== 'identity' && raw.bytes.length > 0) {
    const decoded = isDecodable(encoding) ? decodeBody(raw.bytes, encoding, cap, raw.truncated) : undefined;
    // Undecodable (corrupt, or an unknown encoding): stored as sent, and not read as text.
    if (decoded === undefined) return { body, text: undefined };
    body = { bytes: decoded.bytes, size: raw.size, truncated: decoded.truncated };
    delete headers['content-encoding'];
    headers[decodedHeader] = encoding;
  }
  return {
    body,
    text: isText(headers['content-type'] ?? '', body.bytes)
      ? Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('utf8')
      : undefined,
  };
}

function redactedBody(read: ReadBody, contentType: string, redactor: ExchangeRedactor): CapturedBody {
  if (read.text === undefined || read.text === '') return read.body;
  const redacted = redactor.body(read.text, contentType);
  if (redacted === read.text) return read.body;
  return { bytes: new Uint8Array(Buffer.from(redacted, 'utf8')), size: read.body.size, truncated: read.body.truncated };
}

const textTypes = /json|text\/|xml|x-www-form-urlencoded|javascript|graphql|event-stream|ndjson/;

function isText(contentType: string, bytes: Uint8Array): boolean {
  if (contentType !== '') return textTypes.test(contentType);
  // Untyped bodies are read as text when they are valid UTF-8, so redaction still sees them.
  return isUtf8(bytes);
}
