import type { JsonValue } from '../json/json-value.js';
import type { CanonicalError, FinishReason, ToolCall } from './canonical-response.js';

/** What a protocol adapter extracts from a body; `canonicalize` adds status, timings and hashes. */
export interface AdapterResult {
  readonly texts: readonly string[];
  readonly refusal: string | null;
  readonly finishReason: FinishReason | null;
  readonly toolCalls: readonly ToolCall[];
  readonly model: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly error: Omit<CanonicalError, 'source'> | null;
  /** Arrival offset of the first event that carried content (streams only). */
  readonly ttftMs: number | null;
  readonly json?: JsonValue | undefined;
  readonly notes: readonly string[];
}

/** Folds protocol-specific stop reasons into {@link FinishReason}. */
export function foldFinishReason(reason: string | null | undefined): FinishReason | null {
  switch (reason) {
    case undefined:
    case null:
    case '':
      return null;
    case 'stop':
    case 'end_turn':
    case 'stop_sequence':
    case 'completed':
    case 'pause_turn':
      return 'stop';
    case 'length':
    case 'max_tokens':
    case 'max_output_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_calls':
    case 'function_call':
    case 'tool_use':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    case 'refusal':
      return 'refusal';
    case 'failed':
    case 'error':
      return 'error';
    default:
      return 'other';
  }
}

/** Parses tool-call arguments text; invalid JSON is kept as the raw string and flagged. */
export function parseArguments(raw: string): { arguments: JsonValue; argumentsValid: boolean } {
  const trimmed = raw.trim();
  if (trimmed === '') return { arguments: {}, argumentsValid: true };
  try {
    return { arguments: JSON.parse(trimmed) as JsonValue, argumentsValid: true };
  } catch {
    return { arguments: raw, argumentsValid: false };
  }
}
