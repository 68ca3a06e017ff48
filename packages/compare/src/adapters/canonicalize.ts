import type { Exchange, SseEvent, Usage } from '@understudy/core';
import { parseSse } from '@understudy/core';
import { isJsonObject, type JsonObject, type JsonValue, limitDepth, objectAt, stringAt, tryParseJson } from '../json/json-value.js';
import { normalizeText } from '../text/normalize-text.js';
import type { AdapterResult } from './adapter-result.js';
import { adaptAnthropicJson, adaptAnthropicSse } from './anthropic-messages-adapter.js';
import type { CanonicalError, CanonicalResponse, Protocol } from './canonical-response.js';
import { hashBytes } from './hash.js';
import { adaptOpenAiChatJson, adaptOpenAiChatSse } from './openai-chat-adapter.js';
import { adaptOpenAiResponsesJson, adaptOpenAiResponsesSse } from './openai-responses-adapter.js';
import { eventsWithoutPlaceholderDigests, withoutPlaceholderDigests } from './placeholder-digest.js';

/**
 * A response that is not a stored exchange: a saved file, a test fixture, a live reply.
 * `body` may be bytes or text; SSE bodies are parsed when `sseEvents` is absent.
 */
export interface RawResponse {
  readonly status?: number | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
  readonly sseEvents?: readonly SseEvent[] | null;
  /** Request path, a hint for protocol detection (`/v1/chat/completions`). */
  readonly path?: string;
  readonly durationMs?: number | null;
  readonly ttfbMs?: number | null;
  readonly usage?: Partial<Usage>;
  readonly truncated?: boolean;
  readonly error?: { readonly code: string; readonly message: string } | null;
}

/** What {@link canonicalize} accepts: a captured {@link Exchange} or a {@link RawResponse}. */
export type CanonicalizeInput = Exchange | RawResponse;

function isExchange(input: CanonicalizeInput): input is Exchange {
  return 'responseBody' in input && 'requestBody' in input;
}

function header(headers: Readonly<Record<string, string>> | undefined, name: string): string {
  if (headers === undefined) return '';
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return '';
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Volatile envelope fields of generic JSON bodies, ignored unless the caller says otherwise. */
export const defaultVolatilePaths: readonly string[] = Object.freeze([
  '$.id',
  '$.object',
  '$.created',
  '$.created_at',
  '$.system_fingerprint',
  '$.request_id',
  '$.usage',
]);

type Shape = 'openai.chat' | 'openai.responses' | 'anthropic.messages' | undefined;

function protocolFromPath(path: string): Shape {
  if (/\/chat\/completions\/?$/.test(path)) return 'openai.chat';
  if (/\/responses\/?$/.test(path)) return 'openai.responses';
  if (/\/messages\/?$/.test(path)) return 'anthropic.messages';
  return undefined;
}

function jsonShape(body: JsonObject, path: string): Shape {
  const object = stringAt(body, 'object');
  if (object === 'chat.completion' || (Array.isArray(body.choices) && isJsonObject(body.choices[0]) && 'message' in body.choices[0]))
    return 'openai.chat';
  if (object === 'response' || (Array.isArray(body.output) && typeof body.status === 'string')) return 'openai.responses';
  if (stringAt(body, 'type') === 'message' && Array.isArray(body.content)) return 'anthropic.messages';
  // Error bodies have no shape of their own: trust the path.
  if (isJsonObject(body.error)) return protocolFromPath(path);
  return undefined;
}

function sseShape(events: readonly SseEvent[], path: string): Shape {
  for (const event of events.slice(0, 8)) {
    const data = tryParseJson(event.data);
    const type = stringAt(data, 'type') ?? event.event ?? '';
    if (type.startsWith('response.')) return 'openai.responses';
    if (type === 'message_start' || type.startsWith('content_block') || type === 'message_delta') return 'anthropic.messages';
    if (stringAt(data, 'object') === 'chat.completion.chunk' || (isJsonObject(data) && Array.isArray(data.choices))) return 'openai.chat';
  }
  return protocolFromPath(path);
}

const emptyResult: AdapterResult = {
  texts: [],
  refusal: null,
  finishReason: null,
  toolCalls: [],
  model: null,
  inputTokens: null,
  outputTokens: null,
  error: null,
  ttftMs: null,
  notes: [],
};

function adaptJson(value: JsonValue, path: string): { protocol: Protocol; result: AdapterResult } {
  if (isJsonObject(value)) {
    const shape = jsonShape(value, path);
    if (shape === 'openai.chat') return { protocol: shape, result: adaptOpenAiChatJson(value) };
    if (shape === 'openai.responses') return { protocol: shape, result: adaptOpenAiResponsesJson(value) };
    if (shape === 'anthropic.messages') return { protocol: shape, result: adaptAnthropicJson(value) };
  }
  const err = objectAt(value, 'error');
  const error =
    err !== undefined ? { type: stringAt(err, 'type') ?? stringAt(err, 'code') ?? null, message: stringAt(err, 'message') ?? '' } : null;
  return { protocol: 'json', result: { ...emptyResult, error, json: value, model: stringAt(value, 'model') ?? null } };
}

function adaptSse(events: readonly SseEvent[], path: string): { protocol: Protocol; result: AdapterResult } {
  const shape = sseShape(events, path);
  if (shape === 'openai.chat') return { protocol: shape, result: adaptOpenAiChatSse(events) };
  if (shape === 'openai.responses') return { protocol: shape, result: adaptOpenAiResponsesSse(events) };
  if (shape === 'anthropic.messages') return { protocol: shape, result: adaptAnthropicSse(events) };
  // An unknown stream: its data lines are the text.
  return { protocol: 'text', result: { ...emptyResult, texts: [events.map((e) => e.data).join('\n')], ttftMs: events[0]?.at ?? null } };
}

const looksLikeSse = /^(?::[^\n]*\n)*(?:data|event|id):/;

/** Structured outputs: an assistant text that is itself a JSON object or array. */
function structuredText(text: string): JsonValue | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  const parsed = tryParseJson(t);
  return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
}

function nullIfNaN(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * Reduces a captured exchange or a raw response to a {@link CanonicalResponse}. The protocol is
 * detected from the content type, the request path and the body's shape; a wrong or failed guess
 * degrades to generic JSON, text or opaque bytes and never throws.
 */
export function canonicalize(input: CanonicalizeInput): CanonicalResponse {
  let status: number | null;
  let headers: Readonly<Record<string, string>> | undefined;
  let bytes: Uint8Array;
  let events: readonly SseEvent[] | null | undefined;
  let path: string;
  let durationMs: number | null;
  let ttfbMs: number | null;
  let usage: Partial<Usage>;
  let truncated: boolean;
  let transport: RawResponse['error'];
  if (isExchange(input)) {
    status = input.status;
    headers = input.responseHeaders;
    bytes = input.responseBody.bytes;
    events = input.sseEvents;
    path = input.path;
    durationMs = input.durationMs;
    ttfbMs = input.ttfbMs;
    usage = input.usage;
    truncated = input.responseBody.truncated;
    transport = input.error;
  } else {
    status = input.status ?? (input.error ? null : 200);
    headers = input.headers;
    bytes = typeof input.body === 'string' ? encoder.encode(input.body) : (input.body ?? new Uint8Array(0));
    events = input.sseEvents;
    path = input.path ?? '';
    durationMs = input.durationMs ?? null;
    ttfbMs = input.ttfbMs ?? null;
    usage = input.usage ?? {};
    truncated = input.truncated ?? false;
    transport = input.error ?? null;
  }

  const contentType = header(headers, 'content-type').toLowerCase();
  let protocol: Protocol = 'empty';
  let result: AdapterResult = emptyResult;
  // A redaction placeholder's digest is no part of what an answer says (`placeholder-digest.ts`).
  const decoded = bytes.length > 0 ? decodeUtf8(bytes) : '';
  const text = decoded === undefined ? undefined : withoutPlaceholderDigests(decoded);
  if (events !== null && events !== undefined && events.length > 0) events = eventsWithoutPlaceholderDigests(events);
  if (events !== null && events !== undefined && events.length > 0) {
    ({ protocol, result } = adaptSse(events, path));
  } else if (text === undefined) {
    protocol = 'bytes';
  } else if (text.trim() !== '') {
    const trimmed = text.trimStart();
    if (contentType.includes('event-stream') || looksLikeSse.test(trimmed)) {
      ({ protocol, result } = adaptSse(parseSse(text), path));
      // Events parsed from a body carry no arrival times: time to first token is unknown.
      result = { ...result, ttftMs: null };
    } else {
      const parsed = contentType.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[') ? tryParseJson(text) : undefined;
      if (parsed !== undefined) ({ protocol, result } = adaptJson(parsed, path));
      else {
        protocol = 'text';
        result = { ...emptyResult, texts: [text] };
      }
    }
  }

  // Hostile nesting is cut here once, so nothing downstream recurses without bound.
  if (result.json !== undefined) result = { ...result, json: limitDepth(result.json) };
  if (result.toolCalls.some((c) => typeof c.arguments === 'object' && c.arguments !== null)) {
    result = { ...result, toolCalls: result.toolCalls.map((c) => ({ ...c, arguments: limitDepth(c.arguments) })) };
  }
  const joined = normalizeText(result.texts.join('\n\n'));
  const structuredRaw = protocol === 'json' || protocol === 'text' ? undefined : structuredText(joined);
  const structured = structuredRaw === undefined ? undefined : limitDepth(structuredRaw);
  let error: CanonicalError | null = null;
  if (transport !== null && transport !== undefined) error = { source: 'transport', type: transport.code, message: transport.message };
  else if (result.error !== null) error = { source: status !== null && status >= 400 ? 'http' : 'body', ...result.error };
  else if (status !== null && status >= 400)
    error = { source: 'http', type: null, message: protocol === 'text' ? joined.slice(0, 200) : `HTTP ${status}` };

  return {
    protocol,
    status,
    error,
    text: protocol === 'json' || structured !== undefined ? '' : joined,
    refusal: result.refusal === null ? null : normalizeText(result.refusal),
    finishReason: result.finishReason,
    toolCalls: result.toolCalls,
    json: protocol === 'json' ? result.json : structured,
    model: result.model,
    bodyHash: hashBytes(bytes),
    bodySize: bytes.length,
    truncated,
    usage: {
      inputTokens: nullIfNaN(usage.inputTokens ?? result.inputTokens),
      outputTokens: nullIfNaN(usage.outputTokens ?? result.outputTokens),
      costUsd: nullIfNaN(usage.costUsd),
    },
    timings: { durationMs: nullIfNaN(durationMs), ttfbMs: nullIfNaN(ttfbMs), ttftMs: nullIfNaN(result.ttftMs) },
    notes: result.notes,
  };
}
