import { parseSse, type SseEvent, UnderstudyError } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSseEventsColumn, sseEventsColumn } from './sse-events-column.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What a reader got back before this column had a compact form: the events through JSON. */
const viaJson = (events: readonly SseEvent[]): string => JSON.stringify(JSON.parse(JSON.stringify(events)));

/** Each event of `body` with an arrival time, as the live capture hands them over. */
function arrived(body: string, ats: readonly number[]): SseEvent[] {
  return parseSse(body)
    .slice(0, ats.length)
    .map((e, i) => ({ ...e, at: ats[i] as number }));
}

const chunk = (i: number): string => `data: {"choices":[{"delta":{"content":"word ${i} "}}]}\n\n`;

describe('sseEventsColumn', () => {
  it("stores a stream's events as their arrivals over the stored body, and reads them back as they were", () => {
    const body = `${Array.from({ length: 200 }, (_, i) => chunk(i)).join('')}data: [DONE]\n\n`;
    const events = arrived(
      body,
      Array.from({ length: 201 }, (_, i) => 12.5 + i * 50.25),
    );
    const column = sseEventsColumn(events, encode(body));
    // The arrivals alone: a few bytes per event instead of the event's data again.
    expect(column?.length).toBeLessThan(201 * 12);
    const read = readSseEventsColumn(column, encode(body));
    expect(JSON.stringify(read)).toBe(viaJson(events));
  });

  it('keeps named events, ids, multi-line data and CRLF line ends exact', () => {
    const body =
      'event: message_start\r\nid: 1\r\ndata: {"type":"message_start"}\r\n\r\n: a comment\r\nretry: 10\r\ndata: line one\r\ndata:  line two\r\n\r\ndata:\r\ndata\r\n\r\n';
    const events = arrived(body, [1, 2.75, 3]);
    expect(events).toHaveLength(3);
    const column = sseEventsColumn(events, encode(body));
    expect(column?.startsWith('{')).toBe(true);
    expect(JSON.stringify(readSseEventsColumn(column, encode(body)))).toBe(viaJson(events));
  });

  it('stores the first events of a body that holds more (the rest not kept) as a prefix', () => {
    const body = `${chunk(0)}${chunk(1)}${chunk(2)}data: {"cut`;
    const events = arrived(body, [5, 6]);
    const column = sseEventsColumn(events, encode(body));
    expect(column).toBe('{"at":[5,6]}');
    expect(readSseEventsColumn(column, encode(body))).toEqual(events);
  });

  it('stores events that are not the body’s own whole, as JSON', () => {
    const body = `${chunk(0)}${chunk(1)}`;
    const cases: SseEvent[][] = [
      // Redacted apart from the body, or from another source.
      [
        { at: 1, data: '{"choices":[{"delta":{"content":"[redacted]"}}]}' },
        { at: 2, data: '{"choices":[{"delta":{"content":"word 1 "}}]}' },
      ],
      // More events than the body holds.
      arrived(body + chunk(2), [1, 2, 3]),
      // A field the body does not carry.
      arrived(body, [1, 2]).map((e, i) => (i === 1 ? { ...e, event: 'delta' } : e)),
      // Another key order than the parser's (JSON would keep it).
      arrived(body, [1, 2]).map((e) => ({ data: e.data, at: e.at })),
      // A key JSON leaves out (an undefined name), an arrival it writes as null, a field of another type.
      arrived(body, [1, 2]).map((e) => ({ ...e, event: undefined })),
      arrived(body, [1, 2]).map((e, i) => ({ ...e, at: (i === 0 ? undefined : e.at) as number })),
      arrived(body, [1, 2]).map((e, i) => ({ ...e, data: (i === 0 ? 7 : e.data) as string })),
    ];
    for (const events of cases) {
      const column = sseEventsColumn(events, encode(body));
      expect(column).toBe(JSON.stringify(events));
      expect(JSON.stringify(readSseEventsColumn(column, encode(body)))).toBe(viaJson(events));
    }
  });

  it('reads rows written before the compact form (a JSON array) as they were', () => {
    const events: SseEvent[] = [{ at: 3, event: 'x', id: '7', data: 'not in the body' }];
    expect(readSseEventsColumn(JSON.stringify(events), encode(chunk(0)))).toEqual(events);
    expect(readSseEventsColumn(null, encode(''))).toBeNull();
    expect(sseEventsColumn(null, encode(chunk(0)))).toBeNull();
    expect(sseEventsColumn([], encode(chunk(0)))).toBe('[]');
  });

  it('refuses, with a coded error, arrivals for more events than the stored body holds', () => {
    expect(() => readSseEventsColumn('{"at":[1,2,3]}', encode(chunk(0)))).toThrow(UnderstudyError);
  });

  it('reads back exactly what JSON would have given, for any body and any events (fast-check)', () => {
    // A lone surrogate too: not stored as itself (UTF-8 has no spelling for it).
    const line = fc.oneof(fc.stringMatching(/^[ -~é😀]{0,12}$/u), fc.constant('x\ud83d'));
    const field = fc.oneof(
      line.map((v) => `data: ${v}`),
      line.map((v) => `data:${v}`),
      line.map((v) => `event: ${v}`),
      line.map((v) => `id: ${v}`),
      line.map((v) => `id: ${v}\0`),
      line.map((v) => `: ${v}`),
      fc.constant('retry: 5'),
      fc.constant('data'),
    );
    const block = fc.array(field, { minLength: 0, maxLength: 4 });
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    const bodyArb = fc
      .tuple(fc.array(fc.tuple(block, lineEnd), { maxLength: 8 }), fc.boolean(), line)
      .map(([blocks, bom, tail]) => `${bom ? '\ufeff' : ''}${blocks.map(([b, nl]) => [...b, ''].join(nl) + nl).join('')}${tail}`);
    fc.assert(
      fc.property(bodyArb, fc.array(fc.double({ noNaN: false }), { maxLength: 10 }), fc.nat(3), (text, ats, tweak) => {
        // The events of the stored bytes (a lone surrogate in `text` is not stored as itself), as the capture parses them.
        const body = Buffer.from(encode(text)).toString('utf8');
        let events = arrived(body, ats);
        // Sometimes events that only look like the body's: one changed, one dropped, one added.
        if (tweak === 1 && events.length > 0) events = events.map((e, i) => (i === 0 ? { ...e, data: `${e.data}!` } : e));
        if (tweak === 2 && events.length > 1) events = events.slice(1);
        if (tweak === 3) events = [...events, { at: 0, data: 'extra' }];
        const column = sseEventsColumn(events, encode(body));
        // The body's own events always take the compact form.
        if (tweak === 0 && events.length > 0) expect(column?.startsWith('{"at":')).toBe(true);
        expect(JSON.stringify(readSseEventsColumn(column, encode(body)))).toBe(viaJson(events));
      }),
      { numRuns: 1000 },
    );
  });
});
