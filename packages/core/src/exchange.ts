import type { ExchangeError } from './exchange-error.js';

/** Who produced an exchange: production traffic, a shadow mirror of it, or a replay run. */
export const exchangeRoles = ['live', 'shadow', 'replay'] as const;
export type ExchangeRole = (typeof exchangeRoles)[number];

/** One server-sent event as it arrived, with its offset from the request start. */
export interface SseEvent {
  /** Milliseconds from the start of the request to the arrival of this event. */
  readonly at: number;
  readonly event?: string;
  readonly id?: string;
  readonly data: string;
}

/** Token counts and cost, when the protocol reports them (OpenAI / Anthropic `usage`). */
export interface Usage {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
}

/** A captured body: the bytes (possibly cut at the capture cap) and the true size. */
export interface CapturedBody {
  readonly bytes: Uint8Array;
  /** Bytes actually transferred, which exceeds `bytes.length` when truncated. */
  readonly size: number;
  readonly truncated: boolean;
}

export type Headers = Readonly<Record<string, string>>;

/**
 * One recorded request/response, redacted before it was persisted. Timings are in
 * milliseconds; `startedAt` is epoch time.
 */
export interface Exchange {
  readonly id: string;
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  /** The raw query string without `?`, or '' when there was none. */
  readonly query: string;
  readonly requestHeaders: Headers;
  readonly requestBody: CapturedBody;
  /** `null` when no response arrived (connection refused, timeout). */
  readonly status: number | null;
  readonly responseHeaders: Headers;
  readonly responseBody: CapturedBody;
  readonly streamed: boolean;
  /** SSE events with arrival offsets, for `text/event-stream` responses. */
  readonly sseEvents: readonly SseEvent[] | null;
  readonly ttfbMs: number | null;
  readonly durationMs: number | null;
  readonly version: string;
  readonly role: ExchangeRole;
  readonly parentId: string | null;
  readonly usage: Usage;
  /** Why it did not complete normally; the code is one of core's `exchangeErrorCodes`. */
  readonly error: ExchangeError | null;
}

export const emptyBody: CapturedBody = Object.freeze({ bytes: new Uint8Array(0), size: 0, truncated: false });
export const noUsage: Usage = Object.freeze({ inputTokens: null, outputTokens: null, costUsd: null });
