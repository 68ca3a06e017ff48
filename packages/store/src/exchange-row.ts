import type { CapturedBody, Exchange, ExchangeRole, SseEvent } from '@understudy/core';
import type { ExchangesTable } from './schema.js';

export function toExchangeRow(e: Exchange): ExchangesTable {
  return {
    id: e.id,
    started_at: e.startedAt,
    method: e.method,
    path: e.path,
    query: e.query,
    request_headers: JSON.stringify(e.requestHeaders),
    request_body: e.requestBody.bytes,
    request_size: e.requestBody.size,
    request_truncated: e.requestBody.truncated ? 1 : 0,
    status: e.status,
    response_headers: JSON.stringify(e.responseHeaders),
    response_body: e.responseBody.bytes,
    response_size: e.responseBody.size,
    response_truncated: e.responseBody.truncated ? 1 : 0,
    streamed: e.streamed ? 1 : 0,
    sse_events: e.sseEvents === null ? null : JSON.stringify(e.sseEvents),
    ttfb_ms: e.ttfbMs,
    duration_ms: e.durationMs,
    version: e.version,
    role: e.role,
    parent_id: e.parentId,
    input_tokens: e.usage.inputTokens,
    output_tokens: e.usage.outputTokens,
    cost_usd: e.usage.costUsd,
    error_code: e.error?.code ?? null,
    error_message: e.error?.message ?? null,
  };
}

export function fromExchangeRow(r: ExchangesTable): Exchange {
  return {
    id: r.id,
    startedAt: Number(r.started_at),
    method: r.method,
    path: r.path,
    query: r.query,
    requestHeaders: JSON.parse(r.request_headers) as Record<string, string>,
    requestBody: body(r.request_body, r.request_size, r.request_truncated),
    status: r.status,
    responseHeaders: JSON.parse(r.response_headers) as Record<string, string>,
    responseBody: body(r.response_body, r.response_size, r.response_truncated),
    streamed: r.streamed === 1,
    sseEvents: r.sse_events === null ? null : (JSON.parse(r.sse_events) as SseEvent[]),
    ttfbMs: r.ttfb_ms,
    durationMs: r.duration_ms,
    version: r.version,
    role: r.role as ExchangeRole,
    parentId: r.parent_id,
    usage: { inputTokens: r.input_tokens, outputTokens: r.output_tokens, costUsd: r.cost_usd },
    error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? '' },
  };
}

function body(bytes: Uint8Array, size: number, truncated: number): CapturedBody {
  // Drivers hand back Buffers; expose a plain Uint8Array view over the same memory.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { bytes: view, size: Number(size), truncated: truncated === 1 };
}
