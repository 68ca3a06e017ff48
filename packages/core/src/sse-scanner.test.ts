import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SseEvent } from './exchange.js';
import { SseParser } from './sse-parser.js';
import { SseScanner } from './sse-scanner.js';

const pieces = [
  'data: {"a":1}',
  'data:x',
  'data',
  'dat',
  'datax: 1',
  'event: delta',
  'id: 7',
  ': comment',
  ':',
  'data: é€😀',
  'retry: 5',
  '',
] as const;
const endings = ['\n', '\r\n', '\r'] as const;

/** The parser's events for `bytes` pushed in the given chunks, chunk i arriving at i. */
function parsed(chunks: readonly Uint8Array[]): SseEvent[] {
  const events: SseEvent[] = [];
  const decoder = new StringDecoder('utf8');
  const parser = new SseParser((e) => events.push(e), 1 << 20);
  for (const [i, chunk] of chunks.entries()) parser.push(decoder.write(Buffer.from(chunk)), i);
  return events;
}

function cut(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    if (to <= from) continue;
    chunks.push(bytes.subarray(from, to));
    from = to;
  }
  return chunks;
}

describe('SseScanner', () => {
  it('finds the events the parser dispatches, with their arrival times, and where each ends in the bytes, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...endings)), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 25 }),
        (withBom, lines, cuts) => {
          const text = (withBom ? '\uFEFF' : '') + lines.map(([line, end]) => line + end).join('');
          const bytes = Buffer.from(text, 'utf8');
          const chunks = cut(bytes, cuts);
          const found: { end: number; settled: number; at: number; atSettled: number }[] = [];
          const blanks: number[] = [];
          const scanner = new SseScanner((end, settled, event, atSettled) => {
            if (event) found.push({ end, settled, at: scanner.at, atSettled });
            blanks.push(end);
          });
          for (const [i, chunk] of chunks.entries()) scanner.push(chunk, i);
          const events = parsed(chunks);
          expect(found.map((f) => f.at)).toEqual(events.map((e) => e.at));
          // The arrival is that of the chunk holding byte `atSettled - 1`, so one push of all the bytes can be given the times afterwards.
          const ends = chunks.map((_, i) => chunks.slice(0, i + 1).reduce((n, c) => n + c.length, 0));
          expect(found.map((f) => ends.findIndex((e) => f.atSettled - 1 < e))).toEqual(events.map((e) => e.at));
          found.forEach(({ end, settled }, i) => {
            // The bytes up to `settled` are exactly what a parser needs to dispatch this event, one fewer is not enough…
            expect(parsed([bytes.subarray(0, settled)])).toHaveLength(i + 1);
            expect(parsed([bytes.subarray(0, settled - 1)])).toHaveLength(i);
            // …and the bytes since the blank line before it hold this event alone.
            const from = Math.max(0, ...blanks.filter((b) => b < end));
            const alone = parsed([Buffer.concat([Buffer.from(from === 0 ? '' : '\n'), bytes.subarray(from, end), Buffer.from('\n')])]);
            expect(alone.map((e) => e.data)).toEqual([events[i]?.data]);
          });
        },
      ),
      { numRuns: 3000, seed: 13 },
    );
  });
});
