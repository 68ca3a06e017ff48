import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResponses } from '../compare-responses.js';
import { canonicalize } from './canonicalize.js';

describe('canonicalize', () => {
  it('detects generic JSON, text and opaque bytes', () => {
    expect(canonicalize({ body: '{"a":1}' })).toMatchObject({ protocol: 'json', json: { a: 1 } });
    expect(canonicalize({ body: 'plain words', headers: { 'Content-Type': 'text/plain' } })).toMatchObject({
      protocol: 'text',
      text: 'plain words',
    });
    const bytes = canonicalize({ body: new Uint8Array([0xff, 0xfe, 0x00, 0x81]) });
    expect(bytes.protocol).toBe('bytes');
    expect(bytes.bodyHash).toMatch(/^[0-9a-f]{16}$/);
    expect(canonicalize({ body: '' }).protocol).toBe('empty');
  });

  it('normalizes Unicode and whitespace in text', () => {
    const c = canonicalize({ body: 'It\u2019s  \u201cfine\u201d\r\n\r\n\r\nreally\u200b.', headers: { 'content-type': 'text/plain' } });
    expect(c.text).toBe('It\'s "fine"\n\nreally.');
  });

  it('takes a stored exchange', () => {
    const c = canonicalize({
      id: 'x',
      startedAt: 0,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: {},
      requestBody: { bytes: new Uint8Array(), size: 0, truncated: false },
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: {
        bytes: new TextEncoder().encode('{"object":"chat.completion","choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]}'),
        size: 90,
        truncated: true,
      },
      streamed: false,
      sseEvents: null,
      ttfbMs: 3,
      durationMs: 9,
      version: 'stable',
      role: 'live',
      parentId: null,
      usage: { inputTokens: 4, outputTokens: null, costUsd: 0.01 },
      error: null,
    });
    expect(c).toMatchObject({
      protocol: 'openai.chat',
      text: 'hi',
      truncated: true,
      usage: { inputTokens: 4, costUsd: 0.01 },
      timings: { durationMs: 9, ttfbMs: 3 },
    });
  });

  it('never throws on arbitrary bytes, strings, JSON or SSE, and what it returns compares', () => {
    const sseish = fc
      .array(fc.tuple(fc.constantFrom('data: ', 'event: ', 'id: ', ': ', 'data:', ''), fc.oneof(fc.string(), fc.json())), { maxLength: 12 })
      .map((lines) => lines.map(([f, v]) => `${f}${v}`).join('\n'));
    const body = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string(), fc.json(), sseish);
    const path = fc.constantFrom('/v1/chat/completions', '/v1/messages', '/v1/responses', '/x');
    const type = fc.constantFrom('application/json', 'text/event-stream', 'text/plain', 'application/octet-stream', '');
    fc.assert(
      fc.property(body, body, path, type, (a, b, p, t) => {
        const ca = canonicalize({ body: a, path: p, headers: { 'content-type': t } });
        const cb = canonicalize({ body: b, path: p, headers: { 'content-type': t } });
        const r = compareResponses(cb, ca);
        return r.score >= 0 && r.score <= 1 && compareResponses(ca, ca).verdict === 'match';
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile nesting: deep subtrees become digests that still compare equal', () => {
    const deep = (n: number, leaf: string) => `${'['.repeat(n)}${leaf}${']'.repeat(n)}`;
    const a = canonicalize({ body: `{"x":${deep(50_000, '1')}}` });
    const same = canonicalize({ body: `{"x":${deep(50_000, '1')}}` });
    const other = canonicalize({ body: `{"x":${deep(50_000, '2')}}` });
    expect(compareResponses(same, a).verdict).toBe('match');
    expect(compareResponses(other, a).verdict).not.toBe('match');
  });

  it('never throws on arbitrary captured SSE events shaped like each protocol', () => {
    const data = fc.oneof(
      fc.json(),
      fc
        .record({
          type: fc.constantFrom(
            'message_start',
            'content_block_start',
            'content_block_delta',
            'message_delta',
            'error',
            'response.completed',
            'response.output_text.delta',
          ),
          index: fc.integer({ min: -2, max: 3 }),
          delta: fc.jsonValue(),
        })
        .map((o) => JSON.stringify(o)),
      fc
        .record({
          object: fc.constant('chat.completion.chunk'),
          choices: fc.array(fc.record({ index: fc.integer({ min: 0, max: 2 }), delta: fc.jsonValue() }), { maxLength: 2 }),
        })
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(1000), data }), { maxLength: 15 }), (events) => {
        const c = canonicalize({ status: 200, sseEvents: events });
        return typeof c.text === 'string' && Array.isArray(c.toolCalls);
      }),
      { numRuns: 300 },
    );
  });
});
