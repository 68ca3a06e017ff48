import { costUsd, type ExchangeRedactor, type PriceLookup, type Redactor, usageFromJson } from '@understudy/capture';
import type { EgressDestinationConfig } from '@understudy/core';
import type { ToolCallMatch, ToolCallRecord } from '@understudy/store';
import { type Correlation, type ForwardCapture, type ForwardResult, headerRecord, reservedHeaderPrefix } from '@understudy/tap';
import type { CallKey } from './egress-cursor.js';

/** What the egress proxy knows about a call before it decides what to do with it. */
export interface ToolCallContext {
  readonly id: string;
  readonly startedAt: number;
  readonly seq: number;
  readonly correlation: Correlation;
  readonly destination: EgressDestinationConfig;
  readonly key: CallKey;
  readonly redactor: Redactor;
  readonly prices: PriceLookup;
  /** The agent's request as received (raw header list, whole body): kept, redacted, as evidence of a refused call. */
  readonly rawHeaders: readonly string[];
  readonly body: Uint8Array;
}

/** How the call ended: forwarded to the tool, answered from a recording, or refused. */
export type ToolCallEnd =
  | {
      readonly kind: 'forwarded';
      readonly match: ToolCallMatch;
      readonly matchedId: string | null;
      readonly result: ForwardResult;
      readonly capture: ForwardCapture;
    }
  | { readonly kind: 'replayed'; readonly recorded: ToolCallRecord; readonly durationMs: number }
  | { readonly kind: 'blocked'; readonly match: ToolCallMatch; readonly body: string };

/**
 * The stored form of one tool call. Request headers and text bodies are redacted like the
 * tap's captures; a forwarded response is kept as the tool sent it (up to the cap), because a
 * later shadow call is answered with exactly those bytes.
 */
export function toolCallRecord(context: ToolCallContext, end: ToolCallEnd): ToolCallRecord {
  const { correlation, key } = context;
  const base = {
    id: context.id,
    exchangeId: correlation.exchangeId,
    attemptId: correlation.shadow ? correlation.attemptId : null,
    role: correlation.shadow ? ('shadow' as const) : ('live' as const),
    seq: context.seq,
    startedAt: context.startedAt,
    destination: key.destination,
    policy: context.destination.policy,
    method: key.method,
    path: key.path,
    bodyKey: key.bodyKey,
  };
  if (end.kind === 'replayed') {
    const r = end.recorded;
    return {
      ...base,
      requestHeaders: r.requestHeaders,
      requestBody: r.requestBody,
      requestSize: r.requestSize,
      status: r.status,
      responseHeaders: r.responseHeaders,
      responseBody: r.responseBody,
      responseSize: r.responseSize,
      responseTruncated: r.responseTruncated,
      outcome: 'replayed',
      match: 'matched',
      matchedId: r.id,
      ttfbMs: end.durationMs,
      durationMs: end.durationMs,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      costUsd: r.costUsd,
      error: null,
    };
  }
  if (end.kind === 'blocked') {
    const body = Buffer.from(end.body, 'utf8');
    const request = redactedRequest(context.redactor.forExchange(), context.rawHeaders, context.body);
    return {
      ...base,
      ...request,
      status: 409,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      responseSize: body.length,
      responseTruncated: false,
      outcome: 'blocked',
      match: end.match,
      matchedId: null,
      ttfbMs: null,
      durationMs: 0,
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
      error: { code: 'shadow_blocked', message: end.body },
    };
  }
  const { result, capture } = end;
  const redactor = context.redactor.forExchange();
  const request = capture.request.body();
  const redacted = redactedRequest(redactor, capture.requestHeaders, request.bytes);
  const responseHeaders = capture.responseHeaders === null ? {} : headerRecord(capture.responseHeaders);
  const response = capture.response.body();
  const responseType = responseHeaders['content-type'] ?? '';
  let usage = capture.streamUsage;
  if (usage === undefined && responseType.includes('json') && responseHeaders['content-encoding'] === undefined)
    usage = usageFromJson(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength).toString('utf8'));
  const price = usage?.model === undefined ? undefined : context.prices(usage.model);
  return {
    ...base,
    ...redacted,
    requestSize: request.size,
    status: result.status,
    responseHeaders: redactor.headers(responseHeaders),
    responseBody: response.bytes,
    responseSize: response.size,
    responseTruncated: response.truncated,
    outcome: 'forwarded',
    match: end.match,
    matchedId: end.matchedId,
    ttfbMs: result.ttfbMs,
    durationMs: result.durationMs,
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    costUsd: usage === undefined ? null : costUsd(price, usage.inputTokens, usage.outputTokens),
    error: result.error,
  };
}

/** Request headers (no `x-understudy-*`) and body, redacted like the tap's captures. */
function redactedRequest(
  redactor: ExchangeRedactor,
  rawHeaders: readonly string[],
  body: Uint8Array,
): { requestHeaders: Record<string, string>; requestBody: Uint8Array; requestSize: number } {
  const headers = headerRecord(rawHeaders);
  for (const name of Object.keys(headers)) if (name.startsWith(reservedHeaderPrefix)) delete headers[name];
  const contentType = headers['content-type'] ?? '';
  return {
    requestHeaders: redactor.headers(headers),
    requestBody: redactedText(body, contentType, (text) => redactor.body(text, contentType)),
    requestSize: body.length,
  };
}

function redactedText(bytes: Uint8Array, contentType: string, redact: (text: string) => string): Uint8Array {
  if (bytes.length === 0 || !/json|text\/|xml|x-www-form-urlencoded/.test(contentType)) return bytes;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const redacted = redact(text);
  if (redacted === text) return bytes;
  const out = Buffer.from(redacted, 'utf8');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
