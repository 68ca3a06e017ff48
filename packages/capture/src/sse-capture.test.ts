import { StringDecoder } from 'node:string_decoder';
import { parseSse, type SseEvent, SseParser } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BodyCapture } from './body-capture.js';
import { CaptureBudget } from './capture-budget.js';
import { SseCapture } from './sse-capture.js';
import { StreamUsage } from './usage-extractor.js';

/** `text`'s bytes in pieces cut at `cuts`. */
function pieces(text: string, cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    if (to <= from) continue;
    out.push(bytes.subarray(from, to));
    from = to;
  }
  return out;
}

/** Pushes `text` in pieces cut at `cuts`, piece i arriving at i ms, to the body first and then to the SSE capture, as the tap's tee does. */
function feed(text: string, cuts: readonly number[], body: BodyCapture, sse: SseCapture): void {
  for (const [i, chunk] of pieces(text, cuts).entries()) {
    body.push(chunk);
    sse.push(chunk, i);
  }
  sse.end();
}

/** Lines of every kind the scanner tells apart (data, other fields, comments, blank, multi-byte text). */
const lineKinds = ['data: {"a":1}', 'data: é€😀', 'data', 'event: delta', 'id: 7', ': ping', 'data: {"usage":{"prompt_tokens":2}}', ''];

describe('SseCapture', () => {
  it('reserves each byte of a stream once against the shared budget when it reads the body capture', () => {
    const budget = new CaptureBudget(1 << 20);
    const body = new BodyCapture(1 << 20, budget);
    const sse = new SseCapture(1 << 20, budget, body);
    const stream = Array.from({ length: 50 }, (_, i) => `data: {"i":${i},"text":"${'x'.repeat(100)}"}\n\n`).join('');
    feed(stream, [10, 200, 900, 4000], body, sse);
    expect(budget.held).toBe(Buffer.byteLength(stream));
    expect(sse.events).toHaveLength(50);
    sse.release();
    body.release();
    expect(budget.held).toBe(0);
  });

  it('gives the events of a one-shot parse of the held bytes, each with the arrival of its first line, whatever the chunking', () => {
    const line = fc.stringMatching(/^[a-zA-Zé€😀 {}":,.0-9]{0,40}$/u);
    const event = fc.record({
      name: fc.option(fc.constantFrom('delta', 'done'), { nil: undefined }),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 20, max: 2000 }),
        (events, cuts, cap) => {
          const text = events
            .map((e) => `${e.name === undefined ? '' : `event: ${e.name}\n`}${e.lines.map((l) => `data: ${l}\n`).join('')}\n`)
            .join('');
          const body = new BodyCapture(cap);
          const sse = new SseCapture(cap, undefined, body);
          feed(text, cuts, body, sse);
          const held = Buffer.from(body.body().bytes).toString('utf8');
          // Lone surrogates the generator may make come back from UTF-8 as U+FFFD: compare with what the bytes say.
          const whole = parseSse(Buffer.from(text, 'utf8').toString('utf8'));
          // A prefix of the stream's events, all inside the held body, none left out before the last kept one.
          expect(sse.events.map(({ data, event }) => ({ data, event }))).toEqual(
            whole.slice(0, sse.events.length).map(({ data, event }) => ({ data, event })),
          );
          expect(sse.events.length + sse.dropped).toBe(whole.length);
          if (sse.events.length > 0) expect(held.length).toBeGreaterThan(0);
          const ats = sse.events.map((e) => e.at);
          expect(ats).toEqual([...ats].sort((a, b) => a - b));
          if (!body.body().truncated) expect(sse.dropped).toBe(0);
        },
      ),
      { numRuns: 2_000, seed: 31 },
    );
  });

  it('gives each kept event the arrival of the chunk that settled its first line, as a parser fed chunk by chunk does, the stream held whole, cut at the cap or by the shared budget', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom(...lineKinds), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 40 }),
        (bom, lines, cuts, cap, budgetBytes, maxDeferred) => {
          const text = (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join('');
          const budget = new CaptureBudget(budgetBytes);
          const body = new BodyCapture(cap, budget);
          // Few chunks deferred at most, too: the scan then starts mid-stream with an event under way.
          const sse = new SseCapture(cap, budget, body, maxDeferred);
          feed(text, cuts, body, sse);
          // The reference: a parser fed the same pieces as they arrive.
          const decoder = new StringDecoder('utf8');
          const expected: SseEvent[] = [];
          const parser = new SseParser((e) => expected.push(e), 1 << 20);
          for (const [i, chunk] of pieces(text, cuts).entries()) parser.push(decoder.write(chunk), i);
          const kept = cap <= 0 ? 0 : sse.events.length;
          expect(sse.events).toEqual(expected.slice(0, kept));
          expect(kept + sse.dropped).toBe(cap <= 0 ? 0 : expected.length);
        },
      ),
      { numRuns: 3_000, seed: 23 },
    );
  });

  it('scans a stream held in many blocks part by part at its end, never joining its body, and reads what a live scan reads', () => {
    const delta = fc.constantFrom(
      `data: {"choices":[{"delta":{"content":"${'w'.repeat(180)}"}}]}`,
      'data: {"id":"c1","model":"gpt-4o","choices":[{"delta":{"content":"é€😀"}}]}',
      'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":20}}',
      'data: {"type":"message_delta","usage":{"output_tokens":42}}',
      'event: ping',
      ': keep-alive',
    );
    const eol = fc.constantFrom('\n', '\r\n');
    let usageAtSeam = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(delta, eol), { minLength: 20, maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        // A first event of any length: the usage and model marks then fall at every offset of the 4 KB blocks, their seams too.
        fc.nat(4096),
        (events, cuts, shift) => {
          const text = `data: ${'s'.repeat(shift)}\n\n${events.map(([line, end]) => line + end + end).join('')}`;
          for (const mark of ['"usage"', '"model"'])
            for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1))
              if (Math.floor(Buffer.byteLength(text.slice(0, at)) / 4096) !== Math.floor((Buffer.byteLength(text.slice(0, at)) + 6) / 4096))
                usageAtSeam++;
          // Cuts every <= 1 000 bytes at least: each chunk is packed into the body's 4 KB blocks.
          const bytes = Buffer.byteLength(text);
          const points = [...cuts, ...Array.from({ length: Math.ceil(bytes / 1000) }, (_, i) => i * 1000)];
          const body = new BodyCapture(1 << 20);
          const sse = new SseCapture(1 << 20, undefined, body);
          const join = vi.spyOn(body, 'body');
          feed(text, points, body, sse);
          const arrivals = sse.arrivals();
          const usage = sse.usage();
          expect(join).not.toHaveBeenCalled();
          // The reference: the same pieces scanned as they arrive (nothing deferred).
          const live = new SseCapture(1 << 20, undefined, undefined, 0);
          for (const [i, chunk] of pieces(text, points).entries()) live.push(chunk, i);
          live.end();
          expect(usage).toEqual(live.usage());
          // And usage as read from every event a parser of the whole text dispatches (no mark gate, no seam).
          const all = new StreamUsage();
          new SseParser((e) => all.event(e.data), 1 << 20).push(text, 0);
          expect(usage).toEqual(all.result());
          expect(Array.from(arrivals ?? [])).toEqual(live.events.map((e) => e.at));
          expect(sse.events).toEqual(live.events);
          expect(sse.dropped).toBe(0);
        },
      ),
      { numRuns: 300, seed: 29 },
    );
    // The seams were exercised: some marks straddled two held blocks.
    expect(usageAtSeam).toBeGreaterThan(3);
  });

  it('counts the events past the cap and still reads usage from the last one', () => {
    const body = new BodyCapture(300);
    const sse = new SseCapture(300, undefined, body);
    const deltas = Array.from({ length: 20 }, (_, i) => `data: {"choices":[{"delta":{"content":"word ${i}"}}]}\n\n`).join('');
    feed(
      `${deltas}data: {"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":20}}\n\ndata: [DONE]\n\n`,
      [64, 128, 400],
      body,
      sse,
    );
    expect(sse.events.length).toBeGreaterThan(0);
    expect(sse.events.length + sse.dropped).toBe(22);
    expect(sse.usage()).toMatchObject({ inputTokens: 3, outputTokens: 20 });
  });

  it('reads the usage every event reports, past the cap too, and keeps exactly the events the held body holds whole, whatever the chunking', () => {
    const delta = fc.constantFrom(
      'data: {"choices":[{"delta":{"content":"usage"}}]}',
      'data: {"id":"c1","model":"gpt-4o","choices":[{"delta":{"content":"x"}}]}',
      'data: {"type":"message_start","message":{"model":"claude","usage":{"input_tokens":9,"output_tokens":1}}}',
      'data: {"type":"message_delta","usage":{"output_tokens":42}}',
      'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":20}}',
      'data: {"usage" : {"prompt_tokens":5}}',
      'event: ping',
      ': keep-alive',
      'data: [DONE]',
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.tuple(delta, eol), { minLength: 1, maxLength: 2 }), eol), { maxLength: 14 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.integer({ min: 1, max: 1500 }),
        (events, cuts, cap) => {
          const text = events.map(([lines, end]) => lines.map(([l, e]) => l + e).join('') + end).join('');
          const body = new BodyCapture(cap);
          const sse = new SseCapture(cap, undefined, body);
          feed(text, cuts, body, sse);
          // What a parse of the whole stream says, usage read from every event in order.
          const all = parseSse(text, cap);
          const usage = new StreamUsage();
          for (const e of all) usage.event(e.data);
          expect(sse.usage()).toEqual(usage.result());
          const held = Buffer.from(body.body().bytes).toString('utf8');
          // Kept: every event a parser of the held bytes dispatches (nothing is waiting for more bytes), no more.
          let whole = 0;
          new SseParser(() => whole++, cap).push(held, 0);
          expect(sse.events.length).toBe(whole);
          expect(sse.events.length + sse.dropped).toBe(all.length);
        },
      ),
      { numRuns: 3_000, seed: 17 },
    );
  });

  it('hands a stream held whole over unscanned: its held body and chunk table read elsewhere give what it would have read', () => {
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom(...lineKinds), eol), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (bom, lines, cuts) => {
          const text = (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join('');
          const body = new BodyCapture(1 << 20);
          const handed = new SseCapture(1 << 20, undefined, body);
          for (const [i, chunk] of pieces(text, cuts).entries()) {
            body.push(chunk);
            handed.push(chunk, i);
          }
          const chunks = handed.chunks();
          expect(chunks).toBeDefined();
          const elsewhere = SseCapture.ofChunks(body.body().bytes, Array.from(chunks ?? []), 1 << 20);
          // The reference: the same stream ended and scanned where it was held.
          const here = new SseCapture(1 << 20, undefined, undefined);
          for (const [i, chunk] of pieces(text, cuts).entries()) here.push(chunk, i);
          here.end();
          expect(Array.from(elsewhere.arrivals() ?? [])).toEqual(here.events.map((e) => e.at));
          expect(elsewhere.usage()).toEqual(here.usage());
          expect(elsewhere.events).toEqual(here.events);
          expect(elsewhere.dropped).toBe(0);
          // Once scanned where it was held, it is not handed over.
          handed.end();
          expect(handed.chunks()).toBeUndefined();
        },
      ),
      { numRuns: 1_000, seed: 31 },
    );
  });

  it('hands over no stream that may have left events out: one cut at the cap, one past the chunk bound, one long enough for more events than are kept', () => {
    const chunk = Buffer.from('data: x\n\n');
    const cut = new SseCapture(16);
    for (let i = 0; i < 3; i++) cut.push(chunk, i);
    expect(cut.chunks()).toBeUndefined();
    const many = new SseCapture(1 << 20, undefined, undefined, 4);
    for (let i = 0; i < 5; i++) many.push(chunk, i);
    expect(many.chunks()).toBeUndefined();
    // 6 bytes an event at least (`data\n\n`): 60 000 bytes may hold more than the 10 000 events kept.
    const tiny = Buffer.from('data\n\n'.repeat(1000));
    const long = new SseCapture(1 << 20);
    for (let i = 0; i < 9; i++) long.push(tiny, i);
    expect(long.chunks()?.length).toBe(18);
    long.push(tiny, 9);
    expect(long.chunks()).toBeUndefined();
    expect(long.dropped).toBe(0);
    long.push(chunk, 10);
    expect(long.dropped).toBe(1);
  });

  it('refuses a chunk table that does not end with the body it is read with (a coded error, nothing read)', () => {
    const bytes = Buffer.from('data: a\n\ndata: b\n\n');
    expect(() => SseCapture.ofChunks(bytes, [9, 0, 5, 1], 1024)).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(() => SseCapture.ofChunks(bytes, [9, 0], 1024)).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(SseCapture.ofChunks(bytes, [9, 0, 18, 1], 1024).events).toEqual([
      { at: 0, data: 'a' },
      { at: 1, data: 'b' },
    ]);
  });

  it('holds the bytes itself when no body capture is shared (a stored stream parsed again)', () => {
    const sse = new SseCapture(1024);
    sse.push(Buffer.from('data: a\n\ndata: b\n\n'), 7);
    sse.end();
    expect(sse.events).toEqual([
      { at: 7, data: 'a' },
      { at: 7, data: 'b' },
    ]);
  });
});
