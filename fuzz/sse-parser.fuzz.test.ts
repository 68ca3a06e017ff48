import { parseSse, type SseEvent, SseParser } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from './fuzz-settings.js';

function incremental(chunks: readonly string[], maxEventBytes: number): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((e) => events.push(e), maxEventBytes);
  for (const chunk of chunks) parser.push(chunk, 0);
  parser.end();
  return events;
}

const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', ':', '[DONE]', '{"a":1}'),
);
const field = fc.constantFrom('data', 'event', 'id', 'retry', '', 'dat', 'DATA', ' data');
const line = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(field, fc.constantFrom(': ', ':', ''), value).map(([f, sep, v]) => `${f}${sep}${v}`) },
  { weight: 1, arbitrary: value.map((v) => `:${v}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n');
/** SSE-shaped text: mostly well-formed lines with any line ending, some noise, an optional BOM. */
const stream = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 20 }))
  .map(([bom, lines]) => (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join(''));

/** The same text cut at arbitrary points (a CR and its LF may land in different chunks). */
const chunked = stream.chain((text) =>
  fc.uniqueArray(fc.nat(text.length), { maxLength: 8 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), text.length];
    return { text, chunks: points.slice(1).map((end, i) => text.slice(points[i], end)) };
  }),
);

describe('fuzz: SSE parser', () => {
  it('gives the same events however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(chunked, ({ text, chunks }) => {
        expect(incremental(chunks, 1 << 20)).toEqual(incremental([text], 1 << 20));
      }),
      fuzzParams('sse-parser/chunking', 15_000),
    );
  });

  it('never keeps more event data than its bound, whatever arrives', () => {
    fc.assert(
      fc.property(chunked, fc.integer({ min: 1, max: 64 }), ({ chunks }, max) => {
        for (const e of incremental(chunks, max)) expect(e.data.length).toBeLessThanOrEqual(max);
      }),
      fuzzParams('sse-parser/bound', 10_000),
    );
  });

  it('a saved stream (parseSse) and the same bytes captured live in chunks give the same events', () => {
    fc.assert(
      fc.property(chunked, ({ text, chunks }) => {
        const strip = (es: SseEvent[]) => es.map(({ at: _at, ...rest }) => rest);
        expect(strip(parseSse(text))).toEqual(strip(incremental(chunks, Number.MAX_SAFE_INTEGER)));
      }),
      fuzzParams('sse-parser/agreement', 10_000),
    );
  });
});
