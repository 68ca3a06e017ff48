import type { Random } from '@understudy/core';

/** A saved response as the quality set and the CLI fixtures store it. */
export interface SavedResponse {
  status: number;
  headers: Record<string, string>;
  path: string;
  body: string;
}

export interface ToolCallSpec {
  name: string;
  args: Record<string, unknown>;
}

export function pick<T>(random: Random, list: readonly T[]): T {
  const v = list[Math.floor(random.next() * list.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

/** Splits text into stream-sized pieces (1–4 words), as a model's tokens arrive. */
function pieces(random: Random, text: string): string[] {
  const words = text.split(/(?<= )/);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = 1 + Math.floor(random.next() * 4);
    out.push(words.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

function fragments(random: Random, text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 3 + Math.floor(random.next() * 10);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

function id(random: Random, prefix: string): string {
  return `${prefix}${Math.floor(random.next() * 2 ** 40).toString(36)}`;
}

export interface ChatAnswer {
  text: string | null;
  toolCalls: ToolCallSpec[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  model: string;
}

/** An OpenAI chat completion, plain JSON or SSE chunks. */
export function openAiChat(random: Random, answer: ChatAnswer, streamed: boolean): SavedResponse {
  const created = 1_760_000_000 + Math.floor(random.next() * 1e6);
  const cid = id(random, 'chatcmpl-');
  const fingerprint = id(random, 'fp_');
  const usage = {
    prompt_tokens: 120 + Math.floor(random.next() * 40),
    completion_tokens: 40 + Math.floor(random.next() * 80),
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const calls = answer.toolCalls.map((c) => ({
    id: id(random, 'call_'),
    type: 'function',
    function: { name: c.name, arguments: JSON.stringify(c.args) },
  }));
  if (!streamed) {
    const message: Record<string, unknown> = { role: 'assistant', content: answer.text, refusal: null };
    if (calls.length > 0) message.tool_calls = calls;
    const body = {
      id: cid,
      object: 'chat.completion',
      created,
      model: answer.model,
      system_fingerprint: fingerprint,
      choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finishReason }],
      usage,
    };
    return { status: 200, headers: { 'content-type': 'application/json' }, path: '/v1/chat/completions', body: JSON.stringify(body) };
  }
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    `data: ${JSON.stringify({ id: cid, object: 'chat.completion.chunk', created, model: answer.model, system_fingerprint: fingerprint, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  let out = chunk({ role: 'assistant', content: '' }, null);
  if (answer.text !== null) for (const p of pieces(random, answer.text)) out += chunk({ content: p }, null);
  calls.forEach((call, index) => {
    out += chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }, null);
    for (const f of fragments(random, call.function.arguments)) out += chunk({ tool_calls: [{ index, function: { arguments: f } }] }, null);
  });
  out += chunk({}, answer.finishReason);
  out += `data: ${JSON.stringify({ id: cid, object: 'chat.completion.chunk', created, model: answer.model, choices: [], usage })}\n\n`;
  out += 'data: [DONE]\n\n';
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, path: '/v1/chat/completions', body: out };
}

/** An Anthropic message as an SSE stream (text blocks, `tool_use` with `input_json_delta`). */
export function anthropicSse(random: Random, answer: ChatAnswer): SavedResponse {
  const mid = id(random, 'msg_');
  const ev = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  let out = ev('message_start', {
    message: {
      id: mid,
      type: 'message',
      role: 'assistant',
      model: answer.model,
      content: [],
      stop_reason: null,
      usage: { input_tokens: 100, output_tokens: 1 },
    },
  });
  let index = 0;
  if (answer.text !== null) {
    out += ev('content_block_start', { index, content_block: { type: 'text', text: '' } });
    out += ev('ping', {});
    for (const p of pieces(random, answer.text)) out += ev('content_block_delta', { index, delta: { type: 'text_delta', text: p } });
    out += ev('content_block_stop', { index });
    index++;
  }
  for (const call of answer.toolCalls) {
    out += ev('content_block_start', { index, content_block: { type: 'tool_use', id: id(random, 'toolu_'), name: call.name, input: {} } });
    for (const f of fragments(random, JSON.stringify(call.args)))
      out += ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: f } });
    out += ev('content_block_stop', { index });
    index++;
  }
  const stop = answer.finishReason === 'stop' ? 'end_turn' : answer.finishReason === 'length' ? 'max_tokens' : 'tool_use';
  out += ev('message_delta', {
    delta: { stop_reason: stop, stop_sequence: null },
    usage: { output_tokens: 50 + Math.floor(random.next() * 50) },
  });
  out += ev('message_stop', {});
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, path: '/v1/messages', body: out };
}

/** An error answer in the OpenAI error shape. */
export function errorResponse(path: string, status: number): SavedResponse {
  const type = status === 429 ? 'rate_limit_exceeded' : 'server_error';
  return {
    status,
    headers: { 'content-type': 'application/json' },
    path,
    body: JSON.stringify({
      error: {
        message: status === 429 ? 'Rate limit reached' : 'The server had an error while processing your request.',
        type,
        code: null,
      },
    }),
  };
}
