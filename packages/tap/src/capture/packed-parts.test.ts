import { BodyCapture, type ExchangeParts } from '@understudy/capture';
import { describe, expect, it, vi } from 'vitest';
import type { ForwardCapture, ForwardResult } from '../forward/forward-result.js';
import { captureParts } from './exchange-builder.js';
import { packedBytes, packParts, releasePacked } from './packed-parts.js';
import { unpackParts } from './unpack-parts.js';

function body(...chunks: string[]): BodyCapture {
  const b = new BodyCapture(1024 * 1024);
  for (const chunk of chunks) b.push(Buffer.from(chunk, 'latin1'));
  return b;
}

function capture(over: Partial<ForwardCapture> = {}): ForwardCapture {
  return {
    requestHeaders: ['Host', 'tap.local', 'Content-Type', 'application/json', 'X-Note', 'caf\u00e9 \u00ff', 'x-note', 'twice'],
    request: body('{"model":"m","messages":[{"role":"user","content":"h\u00e9"}]}'),
    responseHeaders: ['content-type', 'application/json', 'content-length', '17'],
    response: body('{"ok":', 'true}'),
    sseEvents: () => null,
    sseArrivals: () => undefined,
    streamUsage: () => undefined,
    sseDropped: () => 0,
    sseChunks: () => undefined,
    cutByBudget: false,
    keep: () => () => {},
    ...over,
  };
}

function result(over: Partial<ForwardResult> = {}): ForwardResult {
  return {
    startedAt: 1_764_633_600_123,
    method: 'POST',
    path: '/v1/chat/completions',
    query: 'a=1&b=%C3%A9',
    status: 200,
    clientStatus: 200,
    streamed: false,
    ttfbMs: 1.25,
    durationMs: 3.5,
    error: null,
    capture: null,
    ...over,
  };
}

/** Bodies as plain byte arrays, so views of different buffers compare by their bytes. */
function comparable(parts: ExchangeParts): unknown {
  const bytes = (b: ExchangeParts['request']['body']) => ({ ...b, bytes: Buffer.from(b.bytes).toString('base64') });
  return {
    ...parts,
    request: { ...parts.request, body: bytes(parts.request.body) },
    reply: { ...parts.reply, body: bytes(parts.reply.body) },
  };
}

function roundTrip(r: ForwardResult, c: ForwardCapture, parentId: string | null): void {
  const packed = packParts(r, c, 'ex-1', 'stable', parentId);
  // The queue's byte bound counts at least its bytes: a long one's whole buffer, slack included.
  expect(packedBytes(packed)).toBeGreaterThanOrEqual(packed.byteLength);
  if (packed.byteLength > 16 * 1024) expect(packedBytes(packed)).toBeGreaterThanOrEqual(packed.buffer.byteLength);
  // Read back from a copy of its bytes, as a sink sends them on (packItems).
  expect(comparable(unpackParts(new Uint8Array(packed)))).toEqual(comparable(captureParts(r, c, 'ex-1', 'stable', parentId)));
}

describe('packParts / unpackParts', () => {
  it('reads back what captureParts hands recordExchange: headers (latin1, repeated), bodies, numbers', () => {
    roundTrip(result(), capture(), null);
  });

  it('keeps a parent, a missing status and headers, an error, truncation and the true size', () => {
    const cut = new BodyCapture(8);
    cut.push(Buffer.from('0123456789abcdef'));
    roundTrip(
      result({ status: null, ttfbMs: null, error: { code: 'upstream_unreachable', message: 'refused \u2014 "quoted"' } }),
      capture({ responseHeaders: null, response: new BodyCapture(10), request: cut }),
      'parent-7',
    );
  });

  it('carries a stream: arrival times and its usage, or events already parsed', () => {
    const usage = { model: 'gpt-x', inputTokens: 12, outputTokens: 34 };
    roundTrip(result({ streamed: true }), capture({ sseArrivals: () => [0.5, 1.75, 3], streamUsage: () => usage }), null);
    roundTrip(result({ streamed: true }), capture({ sseEvents: () => [{ at: 2, event: 'message', id: '1', data: 'x\ny' }] }), null);
  });

  it('copies a reply held in many blocks straight from its parts, byte for byte, without joining it first', () => {
    const stream = new BodyCapture(1024 * 1024);
    const text = Array.from({ length: 300 }, (_, i) => `data: {"i":${i},"text":"caf\u00e9 ${'x'.repeat(i % 170)}"}\n\n`).join('');
    for (const chunk of text.match(/[\s\S]{1,333}/g) ?? []) stream.push(Buffer.from(chunk));
    stream.push(Buffer.alloc(5000, 'y'));
    const join = vi.spyOn(stream, 'body');
    const c = capture({ response: stream, responseHeaders: ['content-type', 'text/event-stream'] });
    const packed = packParts(result({ streamed: true }), c, 'ex-1', 'stable', null);
    expect(join).not.toHaveBeenCalled();
    join.mockRestore();
    const reply = unpackParts(new Uint8Array(packed)).reply.body;
    expect(Buffer.from(reply.bytes).equals(Buffer.concat([Buffer.from(text), Buffer.alloc(5000, 'y')]))).toBe(true);
    expect(reply.size).toBe(Buffer.byteLength(text) + 5000);
    expect(reply.truncated).toBe(false);
    roundTrip(result({ streamed: true }), c, null);
  });

  it('packs a reply cut at its cap with its true size', () => {
    const cut = new BodyCapture(5000);
    for (let i = 0; i < 40; i++) cut.push(Buffer.alloc(300, 97 + (i % 26)));
    roundTrip(result(), capture({ response: cut }), null);
    const reply = unpackParts(new Uint8Array(packParts(result(), capture({ response: cut }), 'ex-2', 'stable', null))).reply.body;
    expect(reply.bytes.length).toBe(5000);
    expect(reply.size).toBe(12_000);
    expect(reply.truncated).toBe(true);
  });

  it('packs an exchange bigger than its scratch buffer (a 1 MiB body) and one after it', () => {
    const big = new BodyCapture(2 * 1024 * 1024);
    big.push(Buffer.alloc(1024 * 1024 + 5, 'a'));
    roundTrip(result(), capture({ response: big }), null);
    roundTrip(result(), capture(), null);
  });

  it('packs short exchanges side by side into shared slabs, each counted by its own bytes, none overwriting another', () => {
    const packs: { id: string; packed: Uint8Array }[] = [];
    // ≈ 200 B each: well past one 64 KB slab.
    for (let i = 0; i < 1000; i++) {
      const id = `ex-${i}`;
      packs.push({ id, packed: packParts(result({ path: `/p/${i}` }), capture(), id, 'stable', null) });
    }
    const [first, second] = packs;
    expect(first?.packed.buffer).toBe(second?.packed.buffer);
    expect(new Set(packs.map((p) => p.packed.buffer)).size).toBeGreaterThan(1);
    for (const { id, packed } of packs) {
      expect(packedBytes(packed)).toBeLessThan(packed.byteLength + 1024);
      const parts = unpackParts(packed);
      expect(parts.id).toBe(id);
      expect(parts.request.path).toBe(`/p/${id.slice(3)}`);
    }
  });

  it('reuses a slab once every exchange packed into it is released, and never one still holding an exchange', () => {
    /** Packs exchanges until one lands in a slab other than `from`'s; returns them all, that one last. */
    const fill = (from: ArrayBufferLike): Uint8Array[] => {
      const out: Uint8Array[] = [];
      for (let i = 0; i < 10_000; i++) {
        const packed = packParts(result({ path: `/fill/${i}` }), capture(), `ex-${i}`, 'stable', null);
        out.push(packed);
        if (packed.buffer !== from) return out;
      }
      throw new Error('no new slab after 10 000 exchanges');
    };
    // Start on a fresh slab.
    const start = packParts(result(), capture(), 'ex-start', 'stable', null);
    const first = fill(start.buffer);
    const a = first.at(-1)?.buffer as ArrayBufferLike;
    const inA = fill(a);
    const b = inA.at(-1)?.buffer as ArrayBufferLike;
    // Every exchange of slab a released but one: a is not reused.
    const kept = inA[0] as Uint8Array;
    const keptBytes = Buffer.from(kept);
    for (const packed of [first.at(-1) as Uint8Array, ...inA.slice(1, -1)]) releasePacked(packed);
    const inB = fill(b);
    const c = inB.at(-1)?.buffer as ArrayBufferLike;
    expect(c).not.toBe(a);
    expect(Buffer.from(kept).equals(keptBytes)).toBe(true);
    // The last one released: the next slab is a, its bytes then written over by new exchanges.
    releasePacked(kept);
    const inC = fill(c);
    expect(inC.at(-1)?.buffer).toBe(a);
    expect(unpackParts(inC.at(-1) as Uint8Array).request.path).toBe(`/fill/${inC.length - 1}`);
    // A long exchange's own buffer and a view released twice change nothing.
    const big = new BodyCapture(1024 * 1024);
    big.push(Buffer.alloc(64 * 1024, 'b'));
    releasePacked(packParts(result(), capture({ response: big }), 'ex-big', 'stable', null));
  });

  it('packs a long exchange into the buffer of one given back, never one still held, and takes a buffer given back twice once', () => {
    const long = (fill: string, bytes: number): ForwardCapture => {
      const reply = new BodyCapture(1024 * 1024);
      for (let at = 0; at < bytes; at += 200) reply.push(Buffer.alloc(200, fill));
      return capture({ response: reply });
    };
    const first = packParts(result({ path: '/a' }), long('a', 40_000), 'ex-a', 'stable', null);
    const held = packParts(result({ path: '/b' }), long('b', 40_000), 'ex-b', 'stable', null);
    expect(held.buffer).not.toBe(first.buffer);
    releasePacked(first);
    releasePacked(first);
    // About the same size: the first one's buffer, written over from its start.
    const next = packParts(result({ path: '/c' }), long('c', 39_000), 'ex-c', 'stable', null);
    expect(next.buffer).toBe(first.buffer);
    expect(next.byteOffset).toBe(0);
    const read = unpackParts(new Uint8Array(next));
    expect(read.request.path).toBe('/c');
    expect(Buffer.from(read.reply.body.bytes).equals(Buffer.alloc(39_000, 'c'))).toBe(true);
    // Given back twice, taken once: the one after gets a buffer of its own, and the held one is intact.
    const after = packParts(result({ path: '/d' }), long('d', 39_000), 'ex-d', 'stable', null);
    expect(after.buffer).not.toBe(next.buffer);
    expect(after.buffer).not.toBe(held.buffer);
    expect(Buffer.from(unpackParts(new Uint8Array(held)).reply.body.bytes).equals(Buffer.alloc(40_000, 'b'))).toBe(true);
    // One far smaller does not take a big one (it would hold it all in the queue's byte bound).
    releasePacked(after);
    const small = packParts(result({ path: '/e' }), long('e', 17_000), 'ex-e', 'stable', null);
    expect(small.buffer).not.toBe(after.buffer);
    for (const packed of [held, next, small]) releasePacked(packed);
  });

  it('reads back strings of any script and astral characters, each where it stood (one text for all strings)', () => {
    roundTrip(
      result({ path: '/caf\u00e9/\u{1f600}/\u5bc6', query: 'q=\u{1f680}&\u00fc=1' }),
      capture({ requestHeaders: ['X-Name', '\u5bc6\u7801 \u{1f511}', 'Host', 't'], responseHeaders: ['x-r', '\u00e9\u00e9'] }),
      'p\u00e4rent',
    );
  });

  it('a lone surrogate (not UTF-8) becomes U+FFFD and leaves every later string as it was', () => {
    const packed = packParts(result({ path: '/x\ud800', query: 'a=1' }), capture(), 'ex-1', 'stable', null);
    const parts = unpackParts(new Uint8Array(packed));
    expect(parts.request.path).toBe('/x\ufffd');
    expect(parts.request.query).toBe('a=1');
    expect(parts.request.headers).toEqual(captureParts(result(), capture(), 'ex-1', 'stable', null).request.headers);
  });

  it('refuses what is not packed parts', () => {
    expect(() => unpackParts({ id: 'x' })).toThrow(TypeError);
    expect(() => unpackParts(new Uint8Array([9]))).toThrow(TypeError);
  });
});
