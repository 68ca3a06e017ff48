import { parseConfig, parseSse } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'sse-fields-redacted-key-0123456789';
const apiKey = 'sk-proj-SseFieldSeed1234567890abcdefghijklmnopqrstu';
const ghToken = 'ghp_SseCommentSeed0123456789abcdefghijkl';

/**
 * Patterns run over every line of a stored event stream, not only its `data:` lines: an `id:`,
 * an `event:` name or a `:` comment line holding a key was kept as written, in the body and in
 * the stored events (found by the trust audit's seeder, 2026-12-03).
 */
describe('an event stream: secrets outside the data lines', () => {
  const stream = `id: ${apiKey}\nevent: message\ndata: {"a":1}\n\n: debug ${ghToken}\n\nevent: ${apiKey}\ndata: {"b":2}\n\nretry: 100\ndata: ok\n\n`;

  it('are redacted in the stored body', () => {
    const body = createRedactor(redaction, key).forExchange().body(stream, 'text/event-stream');
    expect(body).not.toContain(apiKey);
    expect(body).not.toContain(ghToken);
    // The events still read as they came: the same data in the same order.
    expect(parseSse(body).map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}', 'ok']);
  });

  it('are redacted in the stored events', () => {
    const events = createRedactor(redaction, key).forExchange().events(parseSse(stream));
    expect(JSON.stringify(events)).not.toContain(apiKey);
    expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}', 'ok']);
  });

  it('are redacted in the stored events when the body was redacted first (the same events, other arrivals)', () => {
    const r = createRedactor(redaction, key).forExchange();
    r.body(stream, 'text/event-stream');
    const arrived = parseSse(stream).map((e, i) => ({ ...e, at: 10 * i }));
    const events = r.events(arrived);
    expect(JSON.stringify(events)).not.toContain(apiKey);
    expect(events.map((e) => e.at)).toEqual([0, 10, 20]);
  });

  it('a stream with nothing to redact is stored byte for byte', () => {
    const clean = `id: 7\nevent: message\ndata: {"a":1}\n\n: keep-alive\n\nretry: 100\ndata: ok\n\n`;
    expect(createRedactor(redaction, key).forExchange().body(clean, 'text/event-stream')).toBe(clean);
  });
});
