import { type Exchange, noUsage } from '@understudy/core';

const encoder = new TextEncoder();

/** ~3 KB of system prompt, the same for every conversation. */
export const systemPrompt = `You are the support agent of an online shop. ${'Answer briefly, cite the order id, never promise a refund you cannot give, and escalate when unsure. '.repeat(29)}`;

/** ~2 KB of tool definitions, the same for every conversation. */
export const tools = ['lookup_order', 'track_parcel', 'refund_order', 'escalate', 'search_faq'].map((name) => ({
  type: 'function',
  function: {
    name,
    description: `Calls the shop's ${name.replace('_', ' ')} service with the customer's data. `.repeat(3),
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string', description: 'the order, e.g. 10042' } },
      required: ['order_id'],
    },
  },
}));

function userMessage(conversation: number, turn: number): { role: string; content: string } {
  return {
    role: 'user',
    content: `[${conversation}/${turn}] ${'My order still has not arrived and the tracking page shows nothing new. '.repeat(6)}`,
  };
}

function assistantMessage(conversation: number, turn: number): { role: string; content: string } {
  return {
    role: 'assistant',
    content: `[${conversation}/${turn}] ${'I checked order 10042: it left the depot this morning and should arrive tomorrow. '.repeat(7)}`,
  };
}

/**
 * The exchanges of one conversation of `turns` turns, as an agent sends them: every request
 * re-sends the system prompt, the tools and the whole history (≈ 1 KB more per turn).
 */
export function conversation(id: number, turns: number, startedAt = 1_700_000_000_000): Exchange[] {
  const messages: { role: string; content: string }[] = [{ role: 'system', content: systemPrompt }];
  const out: Exchange[] = [];
  for (let turn = 0; turn < turns; turn++) {
    messages.push(userMessage(id, turn));
    const request = encoder.encode(JSON.stringify({ model: 'gpt-4o', messages, tools, temperature: 0.2 }));
    const answer = assistantMessage(id, turn);
    const response = encoder.encode(
      JSON.stringify({
        id: `chatcmpl-${id}-${turn}`,
        object: 'chat.completion',
        model: 'gpt-4o',
        choices: [{ index: 0, message: answer, finish_reason: 'stop' }],
        usage: { prompt_tokens: request.length / 4, completion_tokens: 120, total_tokens: request.length / 4 + 120 },
      }),
    );
    out.push({
      id: `01CONV${String(id).padStart(6, '0')}T${String(turn).padStart(3, '0')}`,
      startedAt: startedAt + turn * 1000,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: { 'content-type': 'application/json', 'user-agent': 'OpenAI/JS 6.0' },
      requestBody: { bytes: request, size: request.length, truncated: false },
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: { bytes: response, size: response.length, truncated: false },
      streamed: false,
      sseEvents: null,
      ttfbMs: 300,
      durationMs: 900,
      version: 'stable',
      role: 'live',
      parentId: null,
      usage: noUsage,
      error: null,
    });
    messages.push(answer);
  }
  return out;
}

/**
 * The ideal: each distinct block (message, tool definition) once across all the requests given,
 * and nothing else (no skeleton, no references, no row overhead).
 */
export function idealRequestBytes(exchanges: readonly Exchange[]): number {
  const blocks = new Set<string>();
  const decoder = new TextDecoder();
  for (const e of exchanges) {
    const body = JSON.parse(decoder.decode(e.requestBody.bytes)) as { messages: unknown[]; tools: unknown[] };
    for (const block of [...body.messages, ...body.tools]) blocks.add(JSON.stringify(block));
  }
  let bytes = 0;
  for (const block of blocks) bytes += Buffer.byteLength(block);
  return bytes;
}
