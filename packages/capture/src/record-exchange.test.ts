import { parseConfig } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyCapture } from './body-capture.js';
import { priceLookup } from './pricing.js';
import { type ExchangeParts, recordExchange } from './record-exchange.js';
import { createRedactor } from './redactor.js';
import { liveCapture } from './testing.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'record-exchange-test-key-0123456789');
const prices = priceLookup();

/** One POST whose reply is the captured stream; the rest of the exchange does not matter here. */
const post = { id: 'e1', startedAt: 0, version: 'stable', role: 'live', parentId: null, ttfbMs: 1, durationMs: 100, error: null } as const;
const noBody = { bytes: new Uint8Array(0), size: 0, truncated: false };

function parts(body: BodyCapture, reply: Partial<ExchangeParts['reply']>): ExchangeParts {
  const request = { method: 'POST', path: '/v1/chat/completions', query: '', headers: {}, body: noBody };
  return { ...post, request, reply: { status: 200, headers: { 'content-type': 'text/event-stream' }, body: body.body(), ...reply } };
}

describe('recordExchange', () => {
  it('records a live stream from its arrival times, or from its chunk table when held whole, exactly as from its parsed events', () => {
    // Deltas that spell secrets across events, plain ones, non-JSON data, comments; every line ending.
    const piece = fc.constantFrom('jo', 'hn@exa', 'mple.com', 'sk-', 'abcdefghij', 'klmnopqrstuv', 'wxyz12', ' hello ', 'ok');
    const line = fc.oneof(
      piece.map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}`),
      piece.map((p) => `data: ${p}`),
      fc.constant('event: ping'),
      fc.constant(': keep-alive'),
      fc.constant('data: [DONE]'),
    );
    const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
    let handed = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 2 }), eol), { maxLength: 16 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 2000 }),
        (events, cuts, cap) => {
          const text = events.map(([lines, end]) => lines.map(([l, e]) => l + e).join('') + end).join('');
          const given = liveCapture(text, cuts, cap);
          const arrived = liveCapture(text, cuts, cap);
          const arrivals = arrived.sse.arrivals();
          expect(arrivals).toBeDefined();
          const deps = { redactor, prices, maxBodyBytes: cap };
          const fromEvents = recordExchange(parts(given.body, { sseEvents: given.sse.events }), deps);
          const fromArrivals = recordExchange(parts(arrived.body, { sseArrivals: arrivals ?? [] }), deps);
          expect(fromArrivals).toEqual(fromEvents);
          // Held whole, the stream is handed over unscanned and scanned here: the same exchange.
          const held = liveCapture(text, cuts, cap, undefined, { ended: false });
          const chunks = held.sse.chunks();
          expect(chunks === undefined).toBe(Buffer.byteLength(text) > cap);
          if (chunks === undefined) return;
          handed++;
          expect(recordExchange(parts(held.body, { sseChunks: Array.from(chunks) }), deps)).toEqual(fromEvents);
        },
      ),
      { numRuns: 2_000, seed: 13 },
    );
    expect(handed).toBeGreaterThan(500);
  });

  it('redacts a secret spelled across a live stream once, in the stored body and the stored events alike', () => {
    const text = ['jo', 'hn@exa', 'mple.com'].map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}\n\n`).join('');
    const { body, sse } = liveCapture(text, [30, 90], 1 << 20);
    const e = recordExchange(parts(body, { sseArrivals: sse.arrivals() ?? [] }), { redactor, prices, maxBodyBytes: 1 << 20 });
    const stored = Buffer.from(e.responseBody.bytes).toString('utf8');
    expect(stored).not.toContain('hn@exa');
    expect(e.sseEvents?.map((ev) => ev.data).join('')).not.toContain('hn@exa');
    expect(e.sseEvents).toHaveLength(3);
  });

  it('redacts a secret spelled across a stream handed over unscanned, in the stored body and events alike', () => {
    const text = ['jo', 'hn@exa', 'mple.com'].map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}\n\n`).join('');
    const { body, sse } = liveCapture(text, [30, 90], 1 << 20, undefined, { ended: false });
    const chunks = sse.chunks();
    expect(chunks).toBeDefined();
    const e = recordExchange(parts(body, { sseChunks: chunks ?? [] }), { redactor, prices, maxBodyBytes: 1 << 20 });
    const stored = Buffer.from(e.responseBody.bytes).toString('utf8');
    expect(stored).not.toContain('hn@exa');
    expect(e.sseEvents?.map((ev) => ev.data).join('')).not.toContain('hn@exa');
    expect(e.sseEvents).toHaveLength(3);
  });
});

describe('recordExchange: stored bodies and their buffers', () => {
  /** A JSON request and reply, each a view into one bigger buffer (as a capture writer gets a batch). */
  function viewsOfOneBuffer(): { exchange: ExchangeParts; buffer: ArrayBuffer } {
    const request = Buffer.from('{"model":"m","messages":[]}');
    const reply = Buffer.from('{"choices":[{"message":{"content":"hello"}}]}');
    const buffer = new ArrayBuffer(64 * 1024);
    const all = new Uint8Array(buffer);
    all.set(request, 100);
    all.set(reply, 1000);
    const view = (at: number, n: number) => ({ bytes: new Uint8Array(buffer, at, n), size: n, truncated: false });
    const json = { 'content-type': 'application/json' };
    return {
      buffer,
      exchange: {
        ...post,
        request: { method: 'POST', path: '/v1/chat/completions', query: '', headers: json, body: view(100, request.length) },
        reply: { status: 200, headers: json, body: view(1000, reply.length) },
      },
    };
  }

  it('copies a body that is a small view of a big buffer into one of its own (a queued exchange must not hold the buffer)', () => {
    const { exchange, buffer } = viewsOfOneBuffer();
    const stored = recordExchange(exchange, { redactor, prices, maxBodyBytes: 1024 * 1024 });
    expect(stored.requestBody.bytes.buffer).not.toBe(buffer);
    expect(stored.responseBody.bytes.buffer).not.toBe(buffer);
    expect(Buffer.from(stored.responseBody.bytes).toString()).toBe('{"choices":[{"message":{"content":"hello"}}]}');
  });

  it('keeps the views when the exchange is stored at once (a capture writer), with the same bytes', () => {
    const { exchange, buffer } = viewsOfOneBuffer();
    const deps = { redactor, prices, maxBodyBytes: 1024 * 1024 };
    const kept = recordExchange(exchange, { ...deps, storedAtOnce: true });
    expect(kept.requestBody.bytes.buffer).toBe(buffer);
    expect(kept.responseBody.bytes.buffer).toBe(buffer);
    const copied = recordExchange(exchange, deps);
    expect(Buffer.from(kept.requestBody.bytes).equals(Buffer.from(copied.requestBody.bytes))).toBe(true);
    expect(Buffer.from(kept.responseBody.bytes).equals(Buffer.from(copied.responseBody.bytes))).toBe(true);
  });
});
