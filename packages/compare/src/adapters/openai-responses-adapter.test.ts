import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';

const response = {
  id: 'resp_67ccd2bed1ec8190',
  object: 'response',
  created_at: 1741476542,
  status: 'completed',
  error: null,
  incomplete_details: null,
  model: 'gpt-4.1-2025-04-14',
  output: [
    { type: 'reasoning', id: 'rs_1', summary: [] },
    { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_weather', arguments: '{"location":"Boston"}', status: 'completed' },
    { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'get_weather', arguments: '{"location":"Paris"}', status: 'completed' },
    {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'Boston is sunny.', annotations: [] }],
    },
    { type: 'function_call', id: 'fc_3', call_id: 'call_3', name: 'send_email', arguments: '{"to":"a@b.c"}', status: 'completed' },
  ],
  usage: { input_tokens: 36, output_tokens: 87, total_tokens: 123 },
};

describe('OpenAI Responses adapter', () => {
  it('reads output items: message text, function calls grouped in turns', () => {
    const c = canonicalize({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) });
    expect(c.protocol).toBe('openai.responses');
    expect(c.text).toBe('Boston is sunny.');
    expect(c.toolCalls.map((t) => [t.name, t.turn])).toEqual([
      ['get_weather', 0],
      ['get_weather', 0],
      ['send_email', 1],
    ]);
    expect(c.usage).toMatchObject({ inputTokens: 36, outputTokens: 87 });
    expect(c.finishReason).toBe('tool_calls');
  });

  it('maps an incomplete response to a length finish', () => {
    const incomplete = {
      ...response,
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      output: [response.output[3]],
    };
    expect(canonicalize({ body: JSON.stringify(incomplete) }).finishReason).toBe('length');
  });

  it('uses the terminal event of a stream, and rebuilds from items and deltas when it is missing', () => {
    const ev = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
    const head =
      ev('response.created', { response: { ...response, status: 'in_progress', output: [] } }) +
      ev('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi ' }) +
      ev('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'there' });
    const complete = canonicalize({ body: head + ev('response.completed', { response: { ...response, output: [response.output[3]] } }) });
    expect(complete.protocol).toBe('openai.responses');
    expect(complete.text).toBe('Boston is sunny.');
    const cut = canonicalize({ body: head });
    expect(cut.text).toBe('Hi there');
    expect(cut.notes.join(' ')).toContain('terminal');
  });
});
