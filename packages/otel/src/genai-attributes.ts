import type { Exchange } from '@understudy/core';

/** Span attribute values as OpenTelemetry accepts them. */
export type AttributeValue = string | number | boolean | string[];
export type Attributes = Record<string, AttributeValue>;

/** Longest message-content attribute kept; past it the JSON is cut (backends reject huge attributes). */
const maxContentChars = 32 * 1024;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const decoder = new TextDecoder();

function parseJson(bytes: Uint8Array): Json | undefined {
  if (bytes.length === 0) return undefined;
  try {
    const value = JSON.parse(decoder.decode(bytes)) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The GenAI operation (`gen_ai.operation.name`) and provider a request path names. */
function operationOf(path: string): { operation: string; provider: string } {
  if (/\/messages$/.test(path)) return { operation: 'chat', provider: 'anthropic' };
  if (/\/chat\/completions$/.test(path)) return { operation: 'chat', provider: 'openai' };
  if (/\/responses$/.test(path)) return { operation: 'chat', provider: 'openai' };
  if (/\/embeddings$/.test(path)) return { operation: 'embeddings', provider: 'openai' };
  if (/\/completions$/.test(path)) return { operation: 'text_completion', provider: 'openai' };
  return { operation: 'chat', provider: 'openai' };
}

/** The JSON objects of a streamed reply (`data:` lines), in order; `[DONE]` and non-JSON skipped. */
function sseObjects(exchange: Exchange): Json[] {
  const out: Json[] = [];
  for (const e of exchange.sseEvents ?? []) {
    if (e.data === '[DONE]') continue;
    try {
      const v = JSON.parse(e.data) as unknown;
      if (isObject(v)) out.push(v);
    } catch {
      // not JSON: a comment or a keep-alive
    }
  }
  return out;
}

type Part = { type: 'text'; content: string } | { type: 'tool_call'; id?: string; name: string; arguments: unknown };

function partsOf(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (!Array.isArray(content)) return [];
  return content.flatMap((p): Part[] => {
    if (!isObject(p)) return [];
    if (typeof p.text === 'string') return [{ type: 'text', content: p.text }];
    if (p.type === 'tool_use' && typeof p.name === 'string')
      return [{ type: 'tool_call', name: p.name, arguments: p.input, ...(typeof p.id === 'string' ? { id: p.id } : {}) }];
    return [];
  });
}

function toolCallParts(calls: unknown): Part[] {
  if (!Array.isArray(calls)) return [];
  return calls.flatMap((c): Part[] => {
    const fn = isObject(c) && isObject(c.function) ? c.function : undefined;
    if (fn === undefined || typeof fn.name !== 'string') return [];
    return [
      { type: 'tool_call', name: fn.name, arguments: fn.arguments, ...(isObject(c) && typeof c.id === 'string' ? { id: c.id } : {}) },
    ];
  });
}

/** Request messages in the GenAI semantic conventions' shape: `[{ role, parts }]`. */
function inputMessages(request: Json): unknown[] {
  const out: unknown[] = [];
  if (typeof request.system === 'string') out.push({ role: 'system', parts: partsOf(request.system) });
  for (const m of Array.isArray(request.messages) ? request.messages : []) {
    if (!isObject(m)) continue;
    out.push({ role: typeof m.role === 'string' ? m.role : 'user', parts: [...partsOf(m.content), ...toolCallParts(m.tool_calls)] });
  }
  return out;
}

const clip = (text: string): string => (text.length > maxContentChars ? text.slice(0, maxContentChars) : text);

interface ReplyFacts {
  model?: string;
  id?: string;
  finishReasons: string[];
  output: unknown[];
}

/** Model, id, finish reasons and output messages of a JSON or streamed OpenAI / Anthropic reply. */
function replyFacts(exchange: Exchange): ReplyFacts {
  const facts: ReplyFacts = { finishReasons: [], output: [] };
  const objects = exchange.streamed ? sseObjects(exchange) : [parseJson(exchange.responseBody.bytes)].filter(isObject);
  let streamedText = '';
  for (const o of objects) {
    const message = isObject(o.message) ? o.message : o; // Anthropic's message_start wraps the message
    if (typeof message.model === 'string') facts.model = message.model;
    if (typeof message.id === 'string') facts.id = message.id;
    if (typeof message.stop_reason === 'string') facts.finishReasons.push(message.stop_reason);
    if (isObject(o.delta) && typeof o.delta.stop_reason === 'string') facts.finishReasons.push(o.delta.stop_reason);
    if (isObject(o.delta) && typeof o.delta.text === 'string') streamedText += o.delta.text;
    if (message.type === 'message' && Array.isArray(message.content) && !exchange.streamed)
      facts.output.push({ role: 'assistant', parts: partsOf(message.content) });
    for (const choice of Array.isArray(o.choices) ? o.choices : []) {
      if (!isObject(choice)) continue;
      if (typeof choice.finish_reason === 'string') facts.finishReasons.push(choice.finish_reason);
      if (isObject(choice.delta) && typeof choice.delta.content === 'string') streamedText += choice.delta.content;
      if (isObject(choice.message)) {
        facts.output.push({
          role: 'assistant',
          parts: [...partsOf(choice.message.content), ...toolCallParts(choice.message.tool_calls)],
          ...(typeof choice.finish_reason === 'string' ? { finish_reason: choice.finish_reason } : {}),
        });
      }
    }
  }
  if (exchange.streamed && streamedText !== '')
    facts.output.push({
      role: 'assistant',
      parts: [{ type: 'text', content: streamedText }],
      finish_reason: facts.finishReasons.at(-1) ?? null,
    });
  return facts;
}

/**
 * The span of one exchange under the OpenTelemetry GenAI semantic conventions: name
 * `{operation} {model}`, `gen_ai.*` request/response/usage attributes, `error.type`, plus
 * Understudy's own (`understudy.*`). Message content only with `captureContent` — the stored
 * bodies were redacted by the capture path before they were written, so nothing else is.
 */
export function exchangeSpanFacts(exchange: Exchange, options: { captureContent: boolean }): { name: string; attributes: Attributes } {
  const { operation, provider } = operationOf(exchange.path);
  const request = parseJson(exchange.requestBody.bytes) ?? {};
  const reply = replyFacts(exchange);
  const model = typeof request.model === 'string' ? request.model : undefined;
  const a: Attributes = {
    'gen_ai.operation.name': operation,
    'gen_ai.provider.name': provider,
    'http.request.method': exchange.method,
    'url.path': exchange.path,
    'understudy.exchange.id': exchange.id,
    'understudy.version': exchange.version,
    'understudy.role': exchange.role,
  };
  if (model !== undefined) a['gen_ai.request.model'] = model;
  a['gen_ai.request.stream'] = request.stream === true;
  if (typeof request.temperature === 'number') a['gen_ai.request.temperature'] = request.temperature;
  const maxTokens = request.max_tokens ?? request.max_completion_tokens;
  if (typeof maxTokens === 'number') a['gen_ai.request.max_tokens'] = maxTokens;
  if (reply.model !== undefined) a['gen_ai.response.model'] = reply.model;
  if (reply.id !== undefined) a['gen_ai.response.id'] = reply.id;
  if (reply.finishReasons.length > 0) a['gen_ai.response.finish_reasons'] = [...new Set(reply.finishReasons)];
  if (exchange.usage.inputTokens !== null) a['gen_ai.usage.input_tokens'] = exchange.usage.inputTokens;
  if (exchange.usage.outputTokens !== null) a['gen_ai.usage.output_tokens'] = exchange.usage.outputTokens;
  if (exchange.usage.costUsd !== null) a['understudy.cost_usd'] = exchange.usage.costUsd;
  if (exchange.status !== null) a['http.response.status_code'] = exchange.status;
  const firstChunk = exchange.streamed ? exchange.sseEvents?.[0]?.at : undefined;
  if (firstChunk !== undefined) a['gen_ai.response.time_to_first_chunk'] = firstChunk / 1000;
  if (exchange.ttfbMs !== null) a['understudy.ttfb_ms'] = exchange.ttfbMs;
  if (exchange.parentId !== null) a['understudy.parent_exchange.id'] = exchange.parentId;
  const errorType =
    exchange.error?.code ?? (exchange.status === null ? 'no_response' : exchange.status >= 400 ? String(exchange.status) : undefined);
  if (errorType !== undefined) a['error.type'] = errorType;
  if (options.captureContent) {
    a['gen_ai.input.messages'] = clip(JSON.stringify(inputMessages(request)));
    a['gen_ai.output.messages'] = clip(JSON.stringify(reply.output));
  }
  return { name: model === undefined ? operation : `${operation} ${model}`, attributes: a };
}
