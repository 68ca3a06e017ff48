import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SseEvent } from './exchange.js';
import { SseParser } from './sse-parser.js';

function parse(chunks: string[], max = 1 << 20): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((e) => events.push(e), max);
  for (const [i, c] of chunks.entries()) parser.push(c, i);
  parser.end();
  return events;
}

const stream =
  ': comment\nid: 7\nevent: delta\ndata: {"a":1}\n\ndata: line one\ndata: line two\r\n\r\ndata:no-space\n\nevent: only-state\n\ndata: tail-without-blank-line';

describe('SseParser', () => {
  it('parses fields, multi-line data, CRLF and comments; drops an unterminated event', () => {
    expect(parse([stream])).toEqual([
      { at: 0, id: '7', event: 'delta', data: '{"a":1}' },
      { at: 0, data: 'line one\nline two' },
      { at: 0, data: 'no-space' },
    ]);
  });

  it('gives the same events however the stream is split', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(stream.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => stream.slice(p, points[i] ?? stream.length));
        const strip = (es: SseEvent[]) => es.map(({ at: _at, ...rest }) => rest);
        expect(strip(parse(chunks))).toEqual(strip(parse([stream])));
      }),
      { numRuns: 200 },
    );
  });

  it('reads LF, CR and CRLF line ends alike, however a generated stream is split', () => {
    const line = fc.constantFrom('data: {"a":1}', 'data: x', 'data:', 'event: delta', 'id: 3', ': note', '', 'data: é€');
    const end = fc.constantFrom('\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, end), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), (lines, cuts) => {
        // Closed by a comment line, so a last CR is settled (alone it may be half a CRLF still to come).
        const text = `${lines.map(([l, e]) => l + e).join('')}: end\n`;
        // The same stream with every line end (CRLF, a lone CR) a plain LF: the events must not depend on which was used.
        const plain = text.replace(/\r\n?/g, '\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));
        const strip = (es: SseEvent[]) => es.map(({ at: _at, ...rest }) => rest);
        expect(strip(parse(chunks))).toEqual(strip(parse([plain])));
      }),
      { numRuns: 1_000, seed: 31 },
    );
  });

  it('stamps each event with the arrival offset of its first line', () => {
    expect(parse(['data: a\n', '\n', 'data: b\n\n']).map((e) => e.at)).toEqual([0, 2]);
  });

  it('cuts event data at the bound instead of growing', () => {
    const [event] = parse([`data: ${'x'.repeat(100)}\n\n`], 10);
    expect(event?.data.length).toBeLessThanOrEqual(10);
  });
});
