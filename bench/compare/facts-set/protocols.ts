import type { Random } from '@understudy/core';
import { anthropicSse, type ChatAnswer, errorResponse, openAiChat, type SavedResponse } from '../fixtures.js';

/** The wire formats the facts quality set speaks: three protocols, each as JSON or SSE. */
export const wireFormats = [
  'openai.chat/json',
  'openai.chat/sse',
  'openai.responses/json',
  'openai.responses/sse',
  'anthropic/json',
  'anthropic/sse',
] as const;
export type WireFormat = (typeof wireFormats)[number];

function token(random: Random, prefix: string): string {
  return `${prefix}${Math.floor(random.next() * 2 ** 40).toString(36)}`;
}

function pieces(random: Random, text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 2 + Math.floor(random.next() * 14);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** An Anthropic message as one JSON body. */
function anthropicJson(random: Random, answer: ChatAnswer): SavedResponse {
  const content: Record<string, unknown>[] = [];
  if (answer.text !== null) content.push({ type: 'text', text: answer.text });
  for (const c of answer.toolCalls) content.push({ type: 'tool_use', id: token(random, 'toolu_'), name: c.name, input: c.args });
  const stop = answer.finishReason === 'stop' ? 'end_turn' : answer.finishReason === 'length' ? 'max_tokens' : 'tool_use';
  const body = {
    id: token(random, 'msg_'),
    type: 'message',
    role: 'assistant',
    model: answer.model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: 200 + Math.floor(random.next() * 50), output_tokens: 40 + Math.floor(random.next() * 90) },
  };
  return { status: 200, headers: { 'content-type': 'application/json' }, path: '/v1/messages', body: JSON.stringify(body) };
}

function responsesBody(random: Random, answer: ChatAnswer): Record<string, unknown> {
  const output: Record<string, unknown>[] = [];
  if (answer.text !== null)
    output.push({
      type: 'message',
      id: token(random, 'msg_'),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: answer.text, annotations: [] }],
    });
  for (const c of answer.toolCalls)
    output.push({
      type: 'function_call',
      id: token(random, 'fc_'),
      call_id: token(random, 'call_'),
      name: c.name,
      arguments: JSON.stringify(c.args),
      status: 'completed',
    });
  const incomplete = answer.finishReason === 'length';
  return {
    id: token(random, 'resp_'),
    object: 'response',
    created_at: 1_760_000_000 + Math.floor(random.next() * 1e6),
    status: incomplete ? 'incomplete' : 'completed',
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    model: answer.model,
    output,
    usage: { input_tokens: 180, output_tokens: 60 + Math.floor(random.next() * 60), total_tokens: 0 },
  };
}

/** An OpenAI Responses answer: one JSON body, or SSE deltas ending in `response.completed`. */
function openAiResponses(random: Random, answer: ChatAnswer, streamed: boolean): SavedResponse {
  const body = responsesBody(random, answer);
  if (!streamed) return { status: 200, headers: { 'content-type': 'application/json' }, path: '/v1/responses', body: JSON.stringify(body) };
  const ev = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  let out = ev('response.created', { response: { ...body, status: 'in_progress', output: [] } });
  if (answer.text !== null)
    for (const p of pieces(random, answer.text)) out += ev('response.output_text.delta', { output_index: 0, delta: p });
  for (const item of body.output as Record<string, unknown>[]) out += ev('response.output_item.done', { item });
  out += ev(body.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: body });
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, path: '/v1/responses', body: out };
}

/** One answer in a wire format. */
export function emit(format: WireFormat, random: Random, answer: ChatAnswer): SavedResponse {
  switch (format) {
    case 'openai.chat/json':
      return openAiChat(random, answer, false);
    case 'openai.chat/sse':
      return openAiChat(random, answer, true);
    case 'openai.responses/json':
      return openAiResponses(random, answer, false);
    case 'openai.responses/sse':
      return openAiResponses(random, answer, true);
    case 'anthropic/json':
      return anthropicJson(random, answer);
    case 'anthropic/sse':
      return anthropicSse(random, answer);
  }
}

/** The endpoint (noise-model bucket) of a wire format. */
export function endpointOf(format: WireFormat): string {
  return format.startsWith('openai.chat')
    ? 'POST /v1/chat/completions'
    : format.startsWith('openai.responses')
      ? 'POST /v1/responses'
      : 'POST /v1/messages';
}

/** An upstream failure in the format's error shape. */
export function emitError(format: WireFormat, status: number): SavedResponse {
  if (format.startsWith('anthropic'))
    return {
      status,
      headers: { 'content-type': 'application/json' },
      path: '/v1/messages',
      body: JSON.stringify({
        type: 'error',
        error: { type: status === 529 ? 'overloaded_error' : 'api_error', message: 'Internal server error' },
      }),
    };
  return errorResponse(format.startsWith('openai.responses') ? '/v1/responses' : '/v1/chat/completions', status);
}
