import type { SseEvent } from '@understudy/core';
import { arrayAt, isJsonObject, type JsonObject, type JsonValue, numberAt, objectAt, stringAt, tryParseJson } from '../json/json-value.js';
import { type AdapterResult, foldFinishReason, parseArguments } from './adapter-result.js';
import type { ToolCall } from './canonical-response.js';

function errorOf(body: JsonObject): AdapterResult['error'] {
  const err = objectAt(body, 'error');
  if (err === undefined) return null;
  return { type: stringAt(err, 'type') ?? null, message: stringAt(err, 'message') ?? '' };
}

/** An Anthropic message (`type: "message"`): text blocks joined, `tool_use` blocks as one turn. */
export function adaptAnthropicJson(body: JsonObject): AdapterResult {
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of arrayAt(body, 'content')) {
    const type = stringAt(block, 'type');
    if (type === 'text') texts.push(stringAt(block, 'text') ?? '');
    else if (type === 'tool_use' || type === 'server_tool_use') {
      const input: JsonValue = isJsonObject(block) ? (block.input ?? {}) : {};
      toolCalls.push({ name: stringAt(block, 'name') ?? '', arguments: input, argumentsValid: true, turn: 0 });
    }
  }
  const usage = objectAt(body, 'usage');
  const stop = stringAt(body, 'stop_reason');
  return {
    texts: texts.filter((t) => t !== ''),
    refusal: stop === 'refusal' ? texts.join('') : null,
    finishReason: foldFinishReason(stop),
    toolCalls,
    model: stringAt(body, 'model') ?? null,
    inputTokens: numberAt(usage, 'input_tokens') ?? null,
    outputTokens: numberAt(usage, 'output_tokens') ?? null,
    error: errorOf(body),
    ttftMs: null,
    notes: [],
  };
}

interface Block {
  type: string;
  name: string;
  text: string[];
  json: string[];
  input: JsonValue | undefined;
}

/**
 * A streamed Anthropic message: `content_block_start` opens a block by index, `text_delta`
 * and `input_json_delta` (partial JSON of a `tool_use` input) fill it, `message_delta` carries
 * the stop reason and output tokens, an `error` event marks a failure mid-stream.
 */
export function adaptAnthropicSse(events: readonly SseEvent[]): AdapterResult {
  const blocks = new Map<number, Block>();
  let model: string | null = null;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let stop: string | undefined;
  let error: AdapterResult['error'] = null;
  let ttftMs: number | null = null;
  let skipped = 0;
  for (const event of events) {
    const data = tryParseJson(event.data);
    if (!isJsonObject(data)) {
      skipped++;
      continue;
    }
    const type = stringAt(data, 'type') ?? event.event;
    switch (type) {
      case 'message_start': {
        const message = objectAt(data, 'message');
        model = stringAt(message, 'model') ?? model;
        const usage = objectAt(message, 'usage');
        inputTokens = numberAt(usage, 'input_tokens') ?? inputTokens;
        outputTokens = numberAt(usage, 'output_tokens') ?? outputTokens;
        break;
      }
      case 'content_block_start': {
        const block = objectAt(data, 'content_block');
        const input = isJsonObject(block) ? block.input : undefined;
        blocks.set(numberAt(data, 'index') ?? blocks.size, {
          type: stringAt(block, 'type') ?? 'text',
          name: stringAt(block, 'name') ?? '',
          text: [stringAt(block, 'text') ?? ''],
          json: [],
          // A start event carries `input: {}`; the real input arrives as deltas.
          input: isJsonObject(input) && Object.keys(input).length > 0 ? input : undefined,
        });
        break;
      }
      case 'content_block_delta': {
        const index = numberAt(data, 'index') ?? 0;
        const block = blocks.get(index) ?? { type: 'text', name: '', text: [], json: [], input: undefined };
        blocks.set(index, block);
        const delta = objectAt(data, 'delta');
        const deltaType = stringAt(delta, 'type');
        if (deltaType === 'text_delta') {
          ttftMs ??= event.at;
          block.text.push(stringAt(delta, 'text') ?? '');
        } else if (deltaType === 'input_json_delta') {
          ttftMs ??= event.at;
          block.json.push(stringAt(delta, 'partial_json') ?? '');
        }
        break;
      }
      case 'message_delta': {
        stop = stringAt(objectAt(data, 'delta'), 'stop_reason') ?? stop;
        outputTokens = numberAt(objectAt(data, 'usage'), 'output_tokens') ?? outputTokens;
        break;
      }
      case 'error':
        error = errorOf(data) ?? { type: null, message: 'error event' };
        break;
      default:
        break;
    }
  }
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const [, block] of [...blocks.entries()].sort((a, b) => a[0] - b[0])) {
    if (block.type === 'text') {
      const t = block.text.join('');
      if (t !== '') texts.push(t);
    } else if (block.type === 'tool_use' || block.type === 'server_tool_use') {
      const parsed = block.json.length > 0 ? parseArguments(block.json.join('')) : { arguments: block.input ?? {}, argumentsValid: true };
      toolCalls.push({ name: block.name, ...parsed, turn: 0 });
    }
  }
  return {
    texts,
    refusal: stop === 'refusal' ? texts.join('') : null,
    finishReason: error !== null && stop === undefined ? 'error' : foldFinishReason(stop),
    toolCalls,
    model,
    inputTokens,
    outputTokens,
    error,
    ttftMs,
    notes: skipped > 0 ? [`${skipped} SSE event(s) were not JSON and were skipped`] : [],
  };
}
