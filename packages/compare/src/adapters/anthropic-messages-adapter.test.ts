import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';

const message = {
  id: 'msg_01Aq9w938a90dw8q',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [
    { type: 'text', text: "I'll check the weather." },
    { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { location: 'San Francisco, CA', unit: 'celsius' } },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: { input_tokens: 472, output_tokens: 91 },
};

function sse(events: readonly [string, Record<string, unknown>][]): string {
  return events.map(([type, data]) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`).join('');
}

describe('Anthropic messages adapter', () => {
  it('reads text blocks, tool_use input, stop reason and usage from JSON', () => {
    const c = canonicalize({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    expect(c.protocol).toBe('anthropic.messages');
    expect(c.text).toBe("I'll check the weather.");
    expect(c.toolCalls).toEqual([
      { name: 'get_weather', arguments: { location: 'San Francisco, CA', unit: 'celsius' }, argumentsValid: true, turn: 0 },
    ]);
    expect(c.finishReason).toBe('tool_calls');
    expect(c.usage).toMatchObject({ inputTokens: 472, outputTokens: 91 });
  });

  it('reassembles a stream: text_delta, input_json_delta, message_delta usage', () => {
    const body = sse([
      [
        'message_start',
        {
          message: {
            id: 'msg_1',
            type: 'message',
            role: 'assistant',
            model: 'claude-x',
            content: [],
            usage: { input_tokens: 25, output_tokens: 1 },
          },
        },
      ],
      ['content_block_start', { index: 0, content_block: { type: 'text', text: '' } }],
      ['ping', {}],
      ['content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Let me ' } }],
      ['content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'look.' } }],
      ['content_block_stop', { index: 0 }],
      ['content_block_start', { index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} } }],
      ['content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: '' } }],
      ['content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: '{"location": "San Fra' } }],
      ['content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: 'ncisco"}' } }],
      ['content_block_stop', { index: 1 }],
      ['message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } }],
      ['message_stop', {}],
    ]);
    const c = canonicalize({ status: 200, headers: { 'content-type': 'text/event-stream' }, body, path: '/v1/messages' });
    expect(c.protocol).toBe('anthropic.messages');
    expect(c.text).toBe('Let me look.');
    expect(c.toolCalls).toEqual([{ name: 'get_weather', arguments: { location: 'San Francisco' }, argumentsValid: true, turn: 0 }]);
    expect(c.finishReason).toBe('tool_calls');
    expect(c.usage).toMatchObject({ inputTokens: 25, outputTokens: 89 });
    expect(c.model).toBe('claude-x');
  });

  it('marks an error event mid-stream as an error of the body', () => {
    const body = sse([
      ['message_start', { message: { id: 'm', model: 'c', usage: { input_tokens: 1, output_tokens: 1 } } }],
      ['error', { error: { type: 'overloaded_error', message: 'Overloaded' } }],
    ]);
    const c = canonicalize({ status: 200, body });
    expect(c.error).toEqual({ source: 'body', type: 'overloaded_error', message: 'Overloaded' });
    expect(c.finishReason).toBe('error');
  });

  it('reads an error body by path', () => {
    const c = canonicalize({
      status: 529,
      path: '/v1/messages',
      body: JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
    });
    expect(c.error).toMatchObject({ source: 'http', type: 'overloaded_error' });
  });
});
