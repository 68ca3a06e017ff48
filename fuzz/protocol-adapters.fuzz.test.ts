import { type CanonicalizeInput, canonicalize, compareResponses, verdicts } from '@understudy/compare';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from './fuzz-settings.js';
import { mutationsOf } from './mutate.js';

/** One valid body per protocol shape the adapters know; the fuzzer breaks one value at a time. */
const shapes = [
  {
    path: '/v1/chat/completions',
    body: {
      id: 'c1',
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Checking.',
            tool_calls: [{ id: 't1', type: 'function', function: { name: 'lookup_order', arguments: '{"order_id":"10042"}' } }],
          },
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5 },
    },
  },
  {
    path: '/v1/responses',
    body: {
      id: 'r1',
      object: 'response',
      status: 'completed',
      output: [
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] },
        { type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{"a":1}' },
      ],
      usage: { input_tokens: 3, output_tokens: 4 },
    },
  },
  {
    path: '/v1/messages',
    body: {
      id: 'm1',
      type: 'message',
      role: 'assistant',
      stop_reason: 'tool_use',
      content: [
        { type: 'text', text: 'On it.' },
        { type: 'tool_use', id: 'tu', name: 'lookup_order', input: { order_id: '10042' } },
      ],
      usage: { input_tokens: 9, output_tokens: 2 },
    },
  },
  { path: '/v1/agent/run', body: { answer: 'ok', steps: [{ tool: 'x', ok: true }], error: null } },
];

const sseEvents = [
  { data: '{"choices":[{"index":0,"delta":{"role":"assistant","content":"He"}}]}' },
  { data: '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"t","function":{"name":"f","arguments":"{\\"a\\""}}]}}]}' },
  { data: '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]},"finish_reason":"tool_calls"}]}' },
  { event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}' },
  {
    event: 'content_block_delta',
    data: '{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"a"}}',
  },
  { event: 'response.output_text.delta', data: '{"type":"response.output_text.delta","delta":"hi"}' },
  { data: '[DONE]' },
];

const text = fc.string({ unit: 'binary', maxLength: 60 });
const contentType = fc.constantFrom('application/json', 'text/event-stream', 'text/plain', 'application/octet-stream', '');
const response: fc.Arbitrary<CanonicalizeInput> = fc.oneof(
  // A protocol body with one value broken, as JSON text or bytes.
  fc.tuple(fc.constantFrom(...shapes), fc.boolean()).chain(([shape, bytes]) =>
    mutationsOf(shape.body).map((body) => {
      const json = JSON.stringify(body) ?? '';
      return {
        status: 200,
        path: shape.path,
        headers: { 'content-type': 'application/json' },
        body: bytes ? new TextEncoder().encode(json) : json,
      };
    }),
  ),
  // Streams: known events in any order and number, some broken, as events or as raw text.
  fc
    .tuple(
      fc.constantFrom('/v1/chat/completions', '/v1/responses', '/v1/messages', '/x'),
      fc.array(
        fc.oneof(
          fc.constantFrom(...sseEvents),
          text.map((data) => ({ data })),
        ),
        { maxLength: 10 },
      ),
      fc.boolean(),
    )
    .map(([path, events, raw]) =>
      raw
        ? {
            status: 200,
            path,
            headers: { 'content-type': 'text/event-stream' },
            body: events.map((e) => `${'event' in e ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`).join(''),
          }
        : { status: 200, path, headers: { 'content-type': 'text/event-stream' }, sseEvents: events.map((e, i) => ({ at: i, ...e })) },
    ),
  // Anything at all.
  fc.record(
    {
      status: fc.option(fc.integer({ min: 0, max: 999 })),
      path: fc.oneof(text, fc.constantFrom('/v1/chat/completions', '/v1/messages')),
      headers: fc.dictionary(fc.constantFrom('content-type', 'content-encoding', 'x'), fc.oneof(contentType, text), { maxKeys: 2 }),
      body: fc.oneof(
        text,
        fc.uint8Array({ maxLength: 80 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      ),
      truncated: fc.boolean(),
      error: fc.option(fc.record({ code: text, message: text })),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: protocol adapters and comparison', () => {
  it('canonicalize never throws and always yields text, tool calls and a protocol', () => {
    fc.assert(
      fc.property(response, (r) => {
        const c = canonicalize(r);
        expect(typeof c.text).toBe('string');
        expect(Array.isArray(c.toolCalls)).toBe(true);
        expect(typeof c.protocol).toBe('string');
      }),
      fuzzParams('adapters/canonicalize', 10_000),
    );
  });

  it('any two responses compare to a score in [0, 1] with a verdict; a response matches itself', () => {
    fc.assert(
      fc.property(response, response, (a, b) => {
        const ca = canonicalize(a);
        const report = compareResponses(ca, canonicalize(b));
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(1);
        expect(verdicts).toContain(report.verdict);
        expect(compareResponses(ca, ca).verdict).toBe('match');
      }),
      fuzzParams('adapters/compare', 3_000),
    );
  });
});
