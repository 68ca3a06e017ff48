import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';

const completion = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_abc',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' },
          },
          { id: 'call_def', type: 'function', function: { name: 'get_time', arguments: '{"tz":"Europe/Paris"}' } },
        ],
        refusal: null,
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 82, completion_tokens: 17, total_tokens: 99 },
  system_fingerprint: 'fp_f9f4fb6dbf',
};

function sse(chunks: readonly unknown[]): string {
  return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('OpenAI chat completions adapter', () => {
  it('reads text, tool calls with parsed arguments, finish reason, model and usage from JSON', () => {
    const c = canonicalize({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(completion),
      path: '/v1/chat/completions',
    });
    expect(c.protocol).toBe('openai.chat');
    expect(c.text).toBe('');
    expect(c.toolCalls).toEqual([
      { name: 'get_weather', arguments: { location: 'Paris, France', unit: 'celsius' }, argumentsValid: true, turn: 0 },
      { name: 'get_time', arguments: { tz: 'Europe/Paris' }, argumentsValid: true, turn: 0 },
    ]);
    expect(c.finishReason).toBe('tool_calls');
    expect(c.model).toBe('gpt-4o-2024-08-06');
    expect(c.usage).toEqual({ inputTokens: 82, outputTokens: 17, costUsd: null });
  });

  it('reassembles streamed content and tool-call argument fragments by index', () => {
    const body = sse([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Hello' }),
      chunk({ content: ', world.' }),
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'search', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '{"id"' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"q":"pa' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: ':7}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: 'ris"}' } }] }),
      chunk({}, 'tool_calls'),
      {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'gpt-4o-mini',
        choices: [],
        usage: { prompt_tokens: 10, completion_tokens: 5 },
      },
    ]);
    const c = canonicalize({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
    expect(c.protocol).toBe('openai.chat');
    expect(c.text).toBe('Hello, world.');
    expect(c.toolCalls.map((t) => [t.name, t.arguments])).toEqual([
      ['search', { q: 'paris' }],
      ['lookup', { id: 7 }],
    ]);
    expect(c.finishReason).toBe('tool_calls');
    expect(c.usage.inputTokens).toBe(10);
  });

  it('takes timings from captured SSE events: ttft is the first event with content', () => {
    const events = [
      { at: 5, data: JSON.stringify(chunk({ role: 'assistant', content: '' })) },
      { at: 42, data: JSON.stringify(chunk({ content: 'Hi' })) },
      { at: 50, data: JSON.stringify(chunk({}, 'stop')) },
      { at: 51, data: '[DONE]' },
    ];
    const c = canonicalize({ status: 200, sseEvents: events, durationMs: 60, ttfbMs: 4 });
    expect(c.text).toBe('Hi');
    expect(c.timings).toEqual({ durationMs: 60, ttfbMs: 4, ttftMs: 42 });
  });

  it('reports a refusal from message.refusal and from streamed delta.refusal', () => {
    const json = {
      ...completion,
      choices: [
        { index: 0, message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." }, finish_reason: 'stop' },
      ],
    };
    expect(canonicalize({ body: JSON.stringify(json) }).finishReason).toBe('refusal');
    const streamed = canonicalize({ body: sse([chunk({ refusal: "I'm sorry" }), chunk({}, 'stop')]) });
    expect(streamed.refusal).toBe("I'm sorry");
  });

  it('keeps invalid argument JSON as a string and flags it', () => {
    const body = sse([chunk({ tool_calls: [{ index: 0, function: { name: 'f', arguments: '{"a":' } }] }), chunk({}, 'length')]);
    const c = canonicalize({ body });
    expect(c.toolCalls[0]).toMatchObject({ name: 'f', arguments: '{"a":', argumentsValid: false });
    expect(c.finishReason).toBe('length');
  });

  it('parses a structured-output answer as JSON', () => {
    const json = {
      ...completion,
      choices: [{ index: 0, message: { role: 'assistant', content: '{"answer": 42, "tags": ["a"]}' }, finish_reason: 'stop' }],
    };
    const c = canonicalize({ body: JSON.stringify(json) });
    expect(c.json).toEqual({ answer: 42, tags: ['a'] });
    expect(c.text).toBe('');
  });
});
