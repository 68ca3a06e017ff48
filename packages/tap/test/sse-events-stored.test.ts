import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor, priceLookup, recordExchange } from '@understudy/capture';
import { liveCapture } from '@understudy/capture/testing';
import { parseConfig } from '@understudy/core';
import { openStore, type Store, storeDatabase } from '@understudy/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'sse-events-stored-test-key-0123456789');
const prices = priceLookup();
const noBody = { bytes: new Uint8Array(0), size: 0, truncated: false };

/** A live stream captured as the tap's tee feeds it (cut into chunks at `cuts`) and built as the capture writer builds it. */
function built(id: string, text: string, cuts: readonly number[], cap: number) {
  const { body, sse } = liveCapture(text, cuts, cap, (i) => 1.5 + i * 50);
  return recordExchange(
    {
      id,
      startedAt: 0,
      version: 'stable',
      role: 'live',
      parentId: null,
      request: { method: 'POST', path: '/v1/chat/completions', query: '', headers: {}, body: noBody },
      reply: {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: body.body(),
        sseArrivals: sse.arrivals() ?? [],
        streamed: true,
      },
      ttfbMs: 1,
      durationMs: 100,
      error: null,
    },
    { redactor, prices, maxBodyBytes: cap, storedAtOnce: true },
  );
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-sse-stored-'));
  store = await openStore({ url: join(dir, 'x.db') });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a live stream's events in the store", () => {
  it('are stored as arrivals over the stored (redacted) body and read back as built, secrets split across deltas included', async () => {
    const piece = fc.constantFrom('jo', 'hn@exa', 'mple.com', 'sk-proj-', 'abcdefghij', 'klmnopqrstuv', ' hello ', 'é😀', 'ok');
    const line = fc.oneof(
      piece.map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}`),
      piece.map((p) => `event: delta\ndata: {"delta":{"text":"${p}"}}`),
      piece.map((p) => `id: 4\ndata: ${p}`),
      fc.constant(': keep-alive'),
    );
    const stream = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, nl]) => lines.map((l) => `${l.replaceAll('\n', nl)}${nl}${nl}`).join(''));
    let n = 0;
    let compact = 0;
    let eligible = 0;
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat(2000), { maxLength: 6 }), fc.constantFrom(1 << 20, 200), async (text, cuts, cap) => {
        const e = built(`01S${String(n++).padStart(5, '0')}`, text, cuts, cap);
        await store.exchanges.insertMany([e]);
        const column = await storeDatabase(store).selectFrom('exchanges').select('sse_events').where('id', '=', e.id).executeTakeFirst();
        if ((e.sseEvents?.length ?? 0) > 0) eligible++;
        if (column?.sse_events?.startsWith('{"at":') === true) compact++;
        const read = await store.exchanges.get(e.id);
        expect(JSON.stringify(read?.sseEvents)).toBe(JSON.stringify(e.sseEvents));
        expect(Buffer.from(read?.responseBody.bytes ?? []).equals(Buffer.from(e.responseBody.bytes))).toBe(true);
      }),
      { numRuns: 150, seed: 13 },
    );
    // The capture's own events, redacted or not, always take the compact form (so the stored body
    // keeps every event they keep, CRLF streams included: see redactSseText).
    expect(compact).toBe(eligible);
  });

  it('keep a secret spelled across deltas redacted in the stored body and events, in the compact form', async () => {
    const text = ['jo', 'hn@exa', 'mple.com', ' thanks'].map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}\n\n`).join('');
    const e = built('01T00001', text, [30, 90, 150], 1 << 20);
    await store.exchanges.insertMany([e]);
    const column = await storeDatabase(store).selectFrom('exchanges').select('sse_events').where('id', '=', e.id).executeTakeFirst();
    expect(column?.sse_events).toMatch(/^\{"at":\[/);
    const read = await store.exchanges.get(e.id);
    const body = Buffer.from(read?.responseBody.bytes ?? []).toString('utf8');
    expect(body).toContain('[redacted:');
    expect(body).not.toContain('hn@exa');
    expect(read?.sseEvents).toHaveLength(4);
    expect(JSON.stringify(read?.sseEvents)).not.toContain('hn@exa');
    expect(JSON.stringify(read?.sseEvents)).toBe(JSON.stringify(e.sseEvents));
  });
});
