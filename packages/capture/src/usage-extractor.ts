import { jsonObjectEnd } from '@understudy/core';

/** Tokens and the model that reported them, as read from a response. */
export interface ReportedUsage {
  model: string | undefined;
  inputTokens: number | null;
  outputTokens: number | null;
}

const usageMarker = /"usage"\s*:\s*\{/;

/**
 * Reads `usage` from a non-streamed OpenAI (chat completions: `prompt_tokens`/`completion_tokens`;
 * Responses API: `input_tokens`/`output_tokens`) or Anthropic (`input_tokens`/`output_tokens`)
 * JSON response body.
 */
export function usageFromJson(text: string): ReportedUsage | undefined {
  // Parse only the `usage` object (the last one: message text may mention "usage" too), not
  // the whole body; a 2 KB completion is parsed on every captured request.
  const at = text.lastIndexOf('"usage"');
  if (at === -1) return undefined;
  const open = text.indexOf('{', at);
  const close = open === -1 ? -1 : jsonObjectEnd(text, open, 4096);
  if (close === -1) return undefined;
  const found: ReportedUsage = { model: modelField.exec(text)?.[1], inputTokens: null, outputTokens: null };
  applyUsage(found, parseObject(text.slice(open, close + 1)));
  return found.inputTokens === null && found.outputTokens === null ? undefined : found;
}

const modelField = /"model"\s*:\s*"([^"\\]{1,128})"/;

/**
 * Accumulates usage across streamed events: OpenAI's final chunk (`stream_options.include_usage`),
 * Responses API `response.completed`, Anthropic `message_start.message.usage` then
 * `message_delta.usage.output_tokens` (the last delta carries the running total).
 */
export class StreamUsage {
  readonly found: ReportedUsage = { model: undefined, inputTokens: null, outputTokens: null };

  event(data: string): void {
    const hasUsage = usageMarker.test(data);
    if (!hasUsage && this.found.model !== undefined) return;
    if (!hasUsage && !data.includes('"model"')) return;
    const body = parseObject(data);
    if (body === undefined) return;
    const message = obj(body.message) ?? obj(body.response);
    this.found.model ??= str(body.model) ?? str(message?.model);
    applyUsage(this.found, body.usage);
    if (message !== undefined) applyUsage(this.found, message.usage);
  }

  result(): ReportedUsage | undefined {
    return this.found.inputTokens === null && this.found.outputTokens === null ? undefined : this.found;
  }
}

function applyUsage(into: ReportedUsage, usage: unknown): void {
  const u = obj(usage);
  if (u === undefined) return;
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  const output = num(u.completion_tokens) ?? num(u.output_tokens);
  if (input !== null) into.inputTokens = input;
  if (output !== null) into.outputTokens = output;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
