import { type Correlation, type PriceLookup, type Redactor, recordExchange, seal } from '@understudy/capture';
import type { EgressDestinationConfig } from '@understudy/core';
import type { ToolCallMatch, ToolCallRecord } from '@understudy/store';
import { type ForwardCapture, type ForwardResult, headerRecord } from '@understudy/tap';
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
  /** The capture cap of a tool call's bodies. */
  readonly maxBodyBytes: number;
  /** The call's raw path and query, as forwarded (the key holds the redacted spelling). */
  readonly rawPath: string;
  readonly rawQuery: string;
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
 * The stored form of one tool call, recorded through capture like every exchange (header
 * policy, redaction, body cap, error codes). A live call's response must later answer a shadow
 * call byte for byte, so its bytes are kept only sealed (AES-256-GCM under a key derived from
 * the redaction key), never in the clear; a shadow call's response is stored redacted.
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
    const recorded = record(context, null, { status: 409, headers: {}, body: new Uint8Array(0) }, null);
    return {
      ...base,
      requestHeaders: recorded.requestHeaders,
      requestBody: recorded.requestBody.bytes,
      requestSize: context.body.length,
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
  const request = capture.request.body();
  const response = capture.response.body();
  const recorded = record(
    context,
    capture,
    { status: result.status, headers: capture.responseHeaders === null ? {} : headerRecord(capture.responseHeaders), body: response.bytes },
    result,
  );
  const sealed = context.correlation.shadow ? undefined : seal(response.bytes, context.redactor.sealingKey());
  return {
    ...base,
    requestHeaders: recorded.requestHeaders,
    requestBody: recorded.requestBody.bytes,
    requestSize: request.size,
    status: result.status,
    responseHeaders: recorded.responseHeaders,
    responseBody: sealed ?? recorded.responseBody.bytes,
    responseSize: response.size,
    responseTruncated: response.truncated,
    outcome: 'forwarded',
    match: end.match,
    matchedId: end.matchedId,
    ttfbMs: result.ttfbMs,
    durationMs: result.durationMs,
    inputTokens: recorded.usage.inputTokens,
    outputTokens: recorded.usage.outputTokens,
    costUsd: recorded.usage.costUsd,
    error: recorded.error,
  };
}

/** The call as capture records any exchange: the one header policy and redaction. */
function record(
  context: ToolCallContext,
  capture: ForwardCapture | null,
  reply: { status: number | null; headers: Record<string, string>; body: Uint8Array },
  result: ForwardResult | null,
) {
  const request = capture?.request.body() ?? { bytes: context.body, size: context.body.length, truncated: false };
  const usage = capture?.streamUsage();
  return recordExchange(
    {
      id: context.id,
      startedAt: context.startedAt,
      version: context.destination.name,
      role: context.correlation.shadow ? 'shadow' : 'live',
      parentId: null,
      request: {
        method: context.key.method,
        path: context.rawPath,
        query: context.rawQuery,
        headers: headerRecord(capture?.requestHeaders ?? context.rawHeaders),
        body: request,
      },
      reply: {
        status: reply.status,
        headers: reply.headers,
        body: { bytes: reply.body, size: reply.body.length, truncated: capture?.response.body().truncated ?? false },
        ...(usage === undefined ? {} : { streamUsage: usage }),
      },
      ttfbMs: result?.ttfbMs ?? null,
      durationMs: result?.durationMs ?? null,
      error: result?.error ?? null,
    },
    { redactor: context.redactor, prices: context.prices, maxBodyBytes: context.maxBodyBytes },
  );
}
