import { StringDecoder } from 'node:string_decoder';
import { BodyCapture, createRedactor, priceLookup, recordExchange, SseCapture } from '@understudy/capture';
import { parseConfig, type SseEvent, SseParser } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packParts } from '../src/capture/packed-parts.js';
import { createWriterBuilder } from '../src/capture/writer-builder.js';
import { headerRecord } from '../src/forward/forward-headers.js';
import { streamCapture, streamResult } from './forwarded-capture.js';

const tap = parseConfig({}).tap;
const redactionKey = 'stream-capture-stored-test-key-0123456789';
const cap = 1 << 20;
const requestBody = Buffer.from('{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}');
const requestHeaders = ['host', 'tap.local', 'content-type', 'application/json'];

/** `text`'s bytes cut at `cuts` (each piece its own buffer, as socket reads are). */
function pieces(text: string, cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1))), bytes.length].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const to of points) {
    if (to <= from) continue;
    out.push(Buffer.from(bytes.subarray(from, to)));
    from = to;
  }
  return out;
}

/** What the reference builder is given: no SseCapture, no scan; a WHATWG parser fed the pieces as they arrive. */
function parsedPieces(chunks: readonly Buffer[], at: (i: number) => number): { events: SseEvent[]; usage: unknown } {
  const events: SseEvent[] = [];
  const decoder = new StringDecoder('utf8');
  const parser = new SseParser((e) => events.push(e), cap);
  for (const [i, chunk] of chunks.entries()) parser.push(decoder.write(chunk), at(i));
  // Usage as the stream reports it: the last event naming it wins, the model from the first that names one.
  let model: string | undefined;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  for (const e of events) {
    let data: { model?: unknown; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; output_tokens?: unknown } };
    try {
      data = JSON.parse(e.data);
    } catch {
      continue;
    }
    if (model === undefined && typeof data.model === 'string') model = data.model;
    if (typeof data.usage?.prompt_tokens === 'number') inputTokens = data.usage.prompt_tokens;
    if (typeof data.usage?.completion_tokens === 'number') outputTokens = data.usage.completion_tokens;
    if (typeof data.usage?.output_tokens === 'number') outputTokens = data.usage.output_tokens;
  }
  return { events, usage: inputTokens === null && outputTokens === null ? undefined : { model, inputTokens, outputTokens } };
}

describe("a long stream's capture, as stored", () => {
  it('is what a builder given the events a parser read chunk by chunk stores: same body bytes, events, times and usage, scanned by the proxy or handed over unscanned', () => {
    // Usage with its own figures in each event: the last one read decides, so one missed (a mark across two blocks) shows.
    const line = fc.oneof(
      fc.constantFrom(
        `data: {"choices":[{"delta":{"content":"${'w'.repeat(180)}"}}]}`,
        'data: {"id":"c1","model":"gpt-4o","choices":[{"delta":{"content":"é€😀 sk-proj-Zq8Kx2Vb7Np9"}}]}',
        'event: ping\ndata: {"type":"ping"}',
        ': keep-alive',
      ),
      fc.nat(9999).map((t) => `data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":${t}}}`),
      fc.nat(9999).map((t) => `data: {"type":"message_delta","usage":{"output_tokens":${t}}}`),
    );
    const build = createWriterBuilder({ redaction: tap.redaction, redactionKey, pricing: tap.pricing, maxBodyBytes: cap, warmUpRounds: 0 });
    const deps = {
      redactor: createRedactor(tap.redaction, redactionKey),
      prices: priceLookup(tap.pricing),
      maxBodyBytes: cap,
      storedAtOnce: true,
    };
    let n = 0;
    let handed = 0;
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 10, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        // A first event of any length, so the marks and events fall at every offset of the held 4 KB blocks.
        fc.nat(4096),
        fc.array(fc.nat(), { maxLength: 40 }),
        // Ended on the proxy's thread (scanned there), or handed to the writer unscanned, as the recorder does.
        fc.boolean(),
        (lines, eol, shift, cuts, ended) => {
          const text = [`data: ${'s'.repeat(shift)}`, ...lines].map((l) => `${l.replaceAll('\n', eol)}${eol}${eol}`).join('');
          // Cut at least every 1 000 bytes: the reply is held in blocks, as a socket's reads are.
          const chunks = pieces(text, [...cuts, ...Array.from({ length: Math.ceil(text.length / 1000) }, (_, i) => i * 1000)]);
          const at = (i: number): number => 1.25 + i * 50.5;
          // The tap's path: the tee's captures, packed for the writer, built there.
          const request = new BodyCapture(cap);
          request.push(requestBody);
          const response = new BodyCapture(cap);
          const sse = new SseCapture(cap, undefined, response);
          for (const [i, chunk] of chunks.entries()) {
            response.push(chunk);
            sse.push(chunk, at(i));
          }
          if (ended) sse.end();
          const id = `01S${String(n++).padStart(5, '0')}`;
          const capture = streamCapture(request, response, sse, requestHeaders);
          const result = streamResult(capture);
          const packed = packParts(result, capture, id, 'stable', null);
          // Not ended: held whole, the stream was packed without a scan on the proxy's thread.
          expect(sse.chunks() === undefined).toBe(ended);
          if (!ended) handed++;
          const stored = build(packed);
          // The reference: the whole body and the parser's events handed to the same builder.
          const reference = parsedPieces(chunks, at);
          const whole = Buffer.concat(chunks);
          const expected = recordExchange(
            {
              id,
              startedAt: result.startedAt,
              version: 'stable',
              role: 'live',
              parentId: null,
              request: {
                method: result.method,
                path: result.path,
                query: result.query,
                headers: headerRecord(requestHeaders),
                body: { bytes: requestBody, size: requestBody.length, truncated: false },
              },
              reply: {
                status: 200,
                headers: headerRecord(['content-type', 'text/event-stream']),
                body: { bytes: whole, size: whole.length, truncated: false },
                sseEvents: reference.events,
                streamed: true,
                ...(reference.usage === undefined
                  ? {}
                  : {
                      streamUsage: reference.usage as {
                        model: string | undefined;
                        inputTokens: number | null;
                        outputTokens: number | null;
                      },
                    }),
              },
              ttfbMs: result.ttfbMs,
              durationMs: result.durationMs,
              error: null,
            },
            deps,
          );
          expect(Buffer.from(stored.responseBody.bytes).equals(Buffer.from(expected.responseBody.bytes))).toBe(true);
          expect({ ...stored, responseBody: null, requestBody: null }).toEqual({ ...expected, responseBody: null, requestBody: null });
          expect(Buffer.from(stored.requestBody.bytes).equals(Buffer.from(expected.requestBody.bytes))).toBe(true);
        },
      ),
      { numRuns: 150, seed: 31 },
    );
    expect(handed).toBeGreaterThan(30);
  });
});
