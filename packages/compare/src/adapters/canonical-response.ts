import type { JsonValue } from '../json/json-value.js';

/** Protocols an adapter recognises; `bytes` is the never-failing fallback (compared by hash). */
export const protocols = ['openai.chat', 'openai.responses', 'anthropic.messages', 'json', 'text', 'bytes', 'empty'] as const;
export type Protocol = (typeof protocols)[number];

/**
 * Why generation stopped, folded across protocols: OpenAI `stop`/`length`/`tool_calls`/
 * `content_filter`, Anthropic `end_turn`/`max_tokens`/`tool_use`/`refusal`, Responses
 * `incomplete_details.reason`.
 */
export const finishReasons = ['stop', 'length', 'tool_calls', 'content_filter', 'refusal', 'error', 'other'] as const;
export type FinishReason = (typeof finishReasons)[number];

/** One tool (function) call the agent asked for. */
export interface ToolCall {
  readonly name: string;
  /** Parsed arguments; the raw string when they are not valid JSON (a fault in itself). */
  readonly arguments: JsonValue;
  /** Whether `arguments` parsed as JSON. */
  readonly argumentsValid: boolean;
  /**
   * Which turn of the response the call belongs to. Calls of one turn are parallel and compared
   * as a multiset; turns are aligned in order.
   */
  readonly turn: number;
}

/** Protocol-independent error facts: HTTP status ≥ 400, an error body, or a transport error. */
export interface CanonicalError {
  /** `http`, `body` (an error object in a 2xx body or stream), or `transport` (no response). */
  readonly source: 'http' | 'body' | 'transport';
  readonly type: string | null;
  readonly message: string;
}

/** Token usage and cost; each `null` when unknown. */
export interface CanonicalUsage {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
}

/** Timings in milliseconds; each `null` when unknown. */
export interface CanonicalTimings {
  readonly durationMs: number | null;
  readonly ttfbMs: number | null;
  /** First event that carried content or a tool call (streamed responses only). */
  readonly ttftMs: number | null;
}

/**
 * A response reduced to what matters for comparison, whatever the protocol. Plain data: it can
 * be stored, sent and compared again later.
 */
export interface CanonicalResponse {
  readonly protocol: Protocol;
  readonly status: number | null;
  readonly error: CanonicalError | null;
  /** Assistant text (all choices / message items joined by a blank line), normalized. */
  readonly text: string;
  readonly refusal: string | null;
  readonly finishReason: FinishReason | null;
  readonly toolCalls: readonly ToolCall[];
  /**
   * The structured part compared field by field: the whole body (volatile fields removed) for
   * generic JSON, or the assistant's text when it is itself JSON (structured outputs).
   */
  readonly json: JsonValue | undefined;
  /** Model name reported by the protocol; a change is noted, not scored. */
  readonly model: string | null;
  /** Digest of the body bytes; what `bytes` responses are compared by. */
  readonly bodyHash: string;
  readonly bodySize: number;
  /** Whether the captured body was cut at the capture cap (comparisons past it are partial). */
  readonly truncated: boolean;
  readonly usage: CanonicalUsage;
  readonly timings: CanonicalTimings;
  /** What the adapter noticed along the way (e.g. malformed SSE events skipped). */
  readonly notes: readonly string[];
}
