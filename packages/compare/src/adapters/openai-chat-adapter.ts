import type { SseEvent } from '@understudy/core';
import { arrayAt, isJsonObject, type JsonObject, numberAt, objectAt, stringAt, tryParseJson } from '../json/json-value.js';
import { type AdapterResult, foldFinishReason, parseArguments } from './adapter-result.js';
import type { ToolCall } from './canonical-response.js';

/** An OpenAI chat completion (`object: "chat.completion"`). */
export function adaptOpenAiChatJson(body: JsonObject): AdapterResult {
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  let refusal: string | null = null;
  let finish: string | undefined;
  for (const choice of arrayAt(body, 'choices')) {
    const message = objectAt(choice, 'message');
    const content = message?.content;
    if (typeof content === 'string' && content !== '') texts.push(content);
    else if (Array.isArray(content)) {
      // Some OpenAI-compatible servers answer with content parts.
      for (const part of content) {
        const t = stringAt(part, 'text');
        if (t !== undefined) texts.push(t);
      }
    }
    const r = stringAt(message, 'refusal');
    if (r !== undefined && r !== '') refusal = r;
    for (const call of arrayAt(message, 'tool_calls')) {
      const fn = objectAt(call, 'function');
      toolCalls.push({ name: stringAt(fn, 'name') ?? '', ...parseArguments(stringAt(fn, 'arguments') ?? ''), turn: 0 });
    }
    // Legacy `function_call` (pre tool_calls).
    const legacy = objectAt(message, 'function_call');
    if (legacy !== undefined) {
      toolCalls.push({ name: stringAt(legacy, 'name') ?? '', ...parseArguments(stringAt(legacy, 'arguments') ?? ''), turn: 0 });
    }
    finish ??= stringAt(choice, 'finish_reason');
  }
  const usage = objectAt(body, 'usage');
  const error = objectAt(body, 'error');
  return {
    texts,
    refusal,
    finishReason: refusal !== null ? 'refusal' : foldFinishReason(finish),
    toolCalls,
    model: stringAt(body, 'model') ?? null,
    inputTokens: numberAt(usage, 'prompt_tokens') ?? null,
    outputTokens: numberAt(usage, 'completion_tokens') ?? null,
    error:
      error === undefined
        ? null
        : { type: stringAt(error, 'type') ?? stringAt(error, 'code') ?? null, message: stringAt(error, 'message') ?? '' },
    ttftMs: null,
    notes: [],
  };
}

interface PartialCall {
  name: string;
  args: string[];
}

/**
 * A streamed chat completion: `delta.content` (and `delta.refusal`) concatenated per choice,
 * `delta.tool_calls` argument fragments reassembled by `index`, usage from the final chunk.
 */
export function adaptOpenAiChatSse(events: readonly SseEvent[]): AdapterResult {
  const texts = new Map<number, string[]>();
  const calls = new Map<string, PartialCall>();
  const refusals: string[] = [];
  let finish: string | undefined;
  let model: string | null = null;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let error: AdapterResult['error'] = null;
  let ttftMs: number | null = null;
  let skipped = 0;
  for (const event of events) {
    if (event.data === '[DONE]') continue;
    const chunk = tryParseJson(event.data);
    if (!isJsonObject(chunk)) {
      skipped++;
      continue;
    }
    model ??= stringAt(chunk, 'model') ?? null;
    const usage = objectAt(chunk, 'usage');
    if (usage !== undefined) {
      inputTokens = numberAt(usage, 'prompt_tokens') ?? inputTokens;
      outputTokens = numberAt(usage, 'completion_tokens') ?? outputTokens;
    }
    const err = objectAt(chunk, 'error');
    if (err !== undefined)
      error = { type: stringAt(err, 'type') ?? stringAt(err, 'code') ?? null, message: stringAt(err, 'message') ?? '' };
    for (const choice of arrayAt(chunk, 'choices')) {
      const index = numberAt(choice, 'index') ?? 0;
      const delta = objectAt(choice, 'delta');
      const content = stringAt(delta, 'content');
      if (content !== undefined && content !== '') {
        ttftMs ??= event.at;
        const parts = texts.get(index) ?? [];
        parts.push(content);
        texts.set(index, parts);
      }
      const refusal = stringAt(delta, 'refusal');
      if (refusal !== undefined && refusal !== '') {
        ttftMs ??= event.at;
        refusals.push(refusal);
      }
      for (const call of arrayAt(delta, 'tool_calls')) {
        ttftMs ??= event.at;
        const key = `${index}:${numberAt(call, 'index') ?? 0}`;
        const partial = calls.get(key) ?? { name: '', args: [] };
        const fn = objectAt(call, 'function');
        const name = stringAt(fn, 'name');
        if (name !== undefined && name !== '') partial.name = name;
        const args = stringAt(fn, 'arguments');
        if (args !== undefined) partial.args.push(args);
        calls.set(key, partial);
      }
      finish = stringAt(choice, 'finish_reason') ?? finish;
    }
  }
  const toolCalls: ToolCall[] = [];
  for (const partial of calls.values()) toolCalls.push({ name: partial.name, ...parseArguments(partial.args.join('')), turn: 0 });
  const refusal = refusals.length > 0 ? refusals.join('') : null;
  return {
    texts: [...texts.entries()].sort((a, b) => a[0] - b[0]).map(([, parts]) => parts.join('')),
    refusal,
    finishReason: refusal !== null ? 'refusal' : error !== null && finish === undefined ? 'error' : foldFinishReason(finish),
    toolCalls,
    model,
    inputTokens,
    outputTokens,
    error,
    ttftMs,
    notes: skipped > 0 ? [`${skipped} SSE event(s) were not JSON and were skipped`] : [],
  };
}
