import type { SseEvent } from '@understudy/core';
import { arrayAt, isJsonObject, type JsonObject, type JsonValue, numberAt, objectAt, stringAt, tryParseJson } from '../json/json-value.js';
import { type AdapterResult, foldFinishReason, parseArguments } from './adapter-result.js';
import type { ToolCall } from './canonical-response.js';

/**
 * Output items of a Responses API answer. Consecutive `function_call` items are one turn of
 * parallel calls; a message between calls starts a new turn.
 */
function fromOutput(output: readonly JsonValue[]): Pick<AdapterResult, 'texts' | 'toolCalls' | 'refusal'> {
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  const refusals: string[] = [];
  let turn = 0;
  let lastWasCall = false;
  for (const item of output) {
    const type = stringAt(item, 'type');
    if (type === 'message') {
      if (lastWasCall) turn++;
      lastWasCall = false;
      for (const part of arrayAt(item, 'content')) {
        const partType = stringAt(part, 'type');
        if (partType === 'output_text') texts.push(stringAt(part, 'text') ?? '');
        else if (partType === 'refusal') refusals.push(stringAt(part, 'refusal') ?? '');
      }
    } else if (type === 'function_call' || type === 'custom_tool_call') {
      lastWasCall = true;
      const raw = stringAt(item, 'arguments') ?? stringAt(item, 'input') ?? '';
      toolCalls.push({ name: stringAt(item, 'name') ?? '', ...parseArguments(raw), turn });
    }
  }
  return { texts: texts.filter((t) => t !== ''), toolCalls, refusal: refusals.length > 0 ? refusals.join('') : null };
}

function finishOf(body: JsonObject): string | undefined {
  const status = stringAt(body, 'status');
  if (status === 'incomplete') return stringAt(objectAt(body, 'incomplete_details'), 'reason') ?? 'length';
  return status;
}

/** A Responses API object (`object: "response"`). */
export function adaptOpenAiResponsesJson(body: JsonObject): AdapterResult {
  const { texts, toolCalls, refusal } = fromOutput(arrayAt(body, 'output'));
  const usage = objectAt(body, 'usage');
  const error = objectAt(body, 'error');
  const finish = finishOf(body);
  return {
    texts,
    refusal,
    finishReason: refusal !== null ? 'refusal' : toolCalls.length > 0 && finish === 'completed' ? 'tool_calls' : foldFinishReason(finish),
    toolCalls,
    model: stringAt(body, 'model') ?? null,
    inputTokens: numberAt(usage, 'input_tokens') ?? null,
    outputTokens: numberAt(usage, 'output_tokens') ?? null,
    error:
      error === undefined
        ? null
        : { type: stringAt(error, 'code') ?? stringAt(error, 'type') ?? null, message: stringAt(error, 'message') ?? '' },
    ttftMs: null,
    notes: [],
  };
}

/**
 * A streamed Responses API answer. The terminal `response.completed` / `response.incomplete` /
 * `response.failed` event carries the whole response; when the stream was cut before it, the
 * answer is rebuilt from `response.output_item.done` items and text deltas.
 */
export function adaptOpenAiResponsesSse(events: readonly SseEvent[]): AdapterResult {
  let final: JsonObject | undefined;
  const items: JsonValue[] = [];
  const deltas: string[] = [];
  let ttftMs: number | null = null;
  let error: AdapterResult['error'] = null;
  let skipped = 0;
  for (const event of events) {
    const data = tryParseJson(event.data);
    if (!isJsonObject(data)) {
      if (event.data !== '[DONE]') skipped++;
      continue;
    }
    const type = stringAt(data, 'type') ?? event.event ?? '';
    if (type === 'response.output_text.delta' || type === 'response.function_call_arguments.delta' || type === 'response.refusal.delta') {
      ttftMs ??= event.at;
      if (type === 'response.output_text.delta') deltas.push(stringAt(data, 'delta') ?? '');
    } else if (type === 'response.output_item.done') {
      const item = data.item;
      if (item !== undefined) items.push(item);
    } else if (type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed') {
      final = objectAt(data, 'response');
    } else if (type === 'error') {
      error = { type: stringAt(data, 'code') ?? null, message: stringAt(data, 'message') ?? '' };
    }
  }
  const notes = skipped > 0 ? [`${skipped} SSE event(s) were not JSON and were skipped`] : [];
  if (final !== undefined && arrayAt(final, 'output').length > 0) {
    const result = adaptOpenAiResponsesJson(final);
    return { ...result, error: result.error ?? error, ttftMs, notes };
  }
  const rebuilt = fromOutput(items);
  const texts = rebuilt.texts.length > 0 ? rebuilt.texts : deltas.length > 0 ? [deltas.join('')] : [];
  const usage = objectAt(final, 'usage');
  const finish = final === undefined ? undefined : finishOf(final);
  return {
    texts,
    refusal: rebuilt.refusal,
    finishReason: error !== null ? 'error' : foldFinishReason(finish),
    toolCalls: rebuilt.toolCalls,
    model: stringAt(final, 'model') ?? null,
    inputTokens: numberAt(usage, 'input_tokens') ?? null,
    outputTokens: numberAt(usage, 'output_tokens') ?? null,
    error,
    ttftMs,
    notes: final === undefined ? [...notes, 'stream ended before the terminal response event'] : notes,
  };
}
