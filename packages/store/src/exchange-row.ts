import { type CapturedBody, type Exchange, type ExchangeRole, toExchangeErrorCode, UnderstudyError } from '@understudy/core';
import type { Kysely } from 'kysely';
import { loadContentNodes } from './content-nodes.js';
import { type ContentNode, type ContentRef, type NodeLookup, packRequestBody, unpackRequestBody } from './request-packing.js';
import type { Database, ExchangesTable } from './schema.js';
import { readSseEventsColumn, sseEventsColumn } from './sse-events-column.js';

/** Rows ready to insert, and the content nodes their request bodies reference. */
export interface PackedExchanges {
  readonly rows: ExchangesTable[];
  readonly nodes: ContentNode[];
}

/**
 * Exchanges as rows, each JSON request body split into a skeleton and references to content
 * nodes (see `packRequestBody`), so repeated content is stored once. A body cut at the capture
 * cap is stored whole: it is not valid JSON.
 */
export function packExchanges(exchanges: readonly Exchange[]): PackedExchanges {
  const rows: ExchangesTable[] = [];
  const nodes: ContentNode[] = [];
  for (const e of exchanges) {
    const packed = packExchange(e);
    rows.push(packed.row);
    for (const node of packed.nodes) nodes.push(node);
  }
  return { rows, nodes };
}

/** One exchange's row and the content nodes its request body references (see {@link packExchanges}). */
export interface PackedExchange {
  readonly row: ExchangesTable;
  readonly nodes: readonly ContentNode[];
}

export function packExchange(e: Exchange): PackedExchange {
  const packed = e.requestBody.truncated ? null : packRequestBody(e.requestBody.bytes);
  if (packed === null) return { row: toExchangeRow(e), nodes: [] };
  return { row: toExchangeRow(e, packed.skeleton, JSON.stringify(packed.refs)), nodes: packed.nodes };
}

/** A row for `e`, with its request body whole unless a packed skeleton and its references are given. */
export function toExchangeRow(
  e: Exchange,
  requestBody: Uint8Array = e.requestBody.bytes,
  requestRefs: string | null = null,
): ExchangesTable {
  return {
    id: e.id,
    started_at: e.startedAt,
    method: e.method,
    path: e.path,
    query: e.query,
    request_headers: JSON.stringify(e.requestHeaders),
    request_body: requestBody,
    request_size: e.requestBody.size,
    request_truncated: e.requestBody.truncated ? 1 : 0,
    request_refs: requestRefs,
    status: e.status,
    response_headers: JSON.stringify(e.responseHeaders),
    response_body: e.responseBody.bytes,
    response_size: e.responseBody.size,
    response_truncated: e.responseBody.truncated ? 1 : 0,
    streamed: e.streamed ? 1 : 0,
    // A stream's events as their arrivals over the stored body when they are its own (see sseEventsColumn).
    sse_events: sseEventsColumn(e.sseEvents, e.responseBody.bytes),
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

/** Rows read back as exchanges, their request bodies rebuilt byte for byte from content nodes. */
export async function readExchanges(db: Kysely<Database>, rows: readonly ExchangesTable[]): Promise<Exchange[]> {
  const heads = new Set<string>();
  for (const row of rows) for (const [, head] of refsOf(row)) heads.add(head);
  const lookup = heads.size === 0 ? new Map() : await loadContentNodes(db, [...heads]);
  return rows.map((row) => fromExchangeRow(row, lookup));
}

export function fromExchangeRow(r: ExchangesTable, lookup: NodeLookup = new Map()): Exchange {
  return {
    id: r.id,
    startedAt: Number(r.started_at),
    method: r.method,
    path: r.path,
    query: r.query,
    requestHeaders: JSON.parse(r.request_headers) as Record<string, string>,
    requestBody: body(requestBytes(r, lookup), r.request_size, r.request_truncated),
    status: r.status,
    responseHeaders: JSON.parse(r.response_headers) as Record<string, string>,
    responseBody: body(r.response_body, r.response_size, r.response_truncated),
    streamed: r.streamed === 1,
    sseEvents: readSseEventsColumn(r.sse_events, r.response_body),
    ttfbMs: r.ttfb_ms,
    durationMs: r.duration_ms,
    version: r.version,
    role: r.role as ExchangeRole,
    parentId: r.parent_id,
    usage: { inputTokens: r.input_tokens, outputTokens: r.output_tokens, costUsd: r.cost_usd },
    error: r.error_code === null ? null : { code: toExchangeErrorCode(r.error_code), message: r.error_message ?? '' },
  };
}

function refsOf(row: ExchangesTable): readonly ContentRef[] {
  return row.request_refs === null ? [] : (JSON.parse(row.request_refs) as ContentRef[]);
}

function requestBytes(row: ExchangesTable, lookup: NodeLookup): Uint8Array {
  const refs = refsOf(row);
  if (refs.length === 0) return row.request_body;
  const bytes = unpackRequestBody(row.request_body, refs, lookup);
  if (bytes === undefined)
    throw new UnderstudyError('internal', `exchange ${row.id}: its request body references content that is not stored`);
  return bytes;
}

function body(bytes: Uint8Array, size: number, truncated: number): CapturedBody {
  // Drivers hand back Buffers; expose a plain Uint8Array view over the same memory.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { bytes: view, size: Number(size), truncated: truncated === 1 };
}
