import { type Exchange, parseSse } from '@understudy/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store, storeDatabase } from '../src/store.js';
import { testExchange } from '../src/testing.js';
import { storeDialects } from './store-dialects.js';

const dialects = storeDialects('us-sse-');

/** A 200-chunk completion stream as an OpenAI-style upstream sends it, its events kept as the capture keeps them. */
function streamed(id: string, chunks = 200): Exchange {
  const parts: string[] = [];
  for (let i = 0; i < chunks; i++)
    parts.push(`data: {"id":"c1","choices":[{"index":0,"delta":{"content":"token ${i} é😀 "},"finish_reason":null}]}\n\n`);
  const text = `${parts.join('')}data: [DONE]\n\n`;
  const bytes = new TextEncoder().encode(text);
  return testExchange(id, {
    responseHeaders: { 'content-type': 'text/event-stream' },
    responseBody: { bytes, size: bytes.length, truncated: false },
    streamed: true,
    sseEvents: parseSse(text).map((e, i) => ({ ...e, at: 3.25 + i * 50.125 })),
    ttfbMs: 3,
    durationMs: 10_100,
  });
}

async function storedEventBytes(store: Store): Promise<number> {
  const len = store.kind === 'postgres' ? sql.raw('octet_length') : sql.raw('length');
  const rows = await sql<{ n: number | string | null }>`select coalesce(sum(${len}(sse_events)), 0) as n from exchanges`.execute(
    storeDatabase(store),
  );
  return Number(rows.rows[0]?.n ?? 0);
}

describe.each(dialects)('SSE events stored over the stored body on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('stores a live stream’s events as arrivals and every read path gives them back as JSON did', async () => {
    store = await openStore({ url: await url() });
    const live = streamed('01A');
    const imported = streamed('01B', 20);
    // Events that are not the body's own (redacted apart, say): kept whole, as before.
    const other = { ...streamed('01C', 3), sseEvents: [{ at: 1, event: 'x', data: 'not in the body' }] };
    await store.exchanges.insertMany([live, other]);
    await store.scan.insertAtomically(
      (async function* () {
        yield [imported];
      })(),
    );
    const asJson = (e: Exchange): string => JSON.stringify(JSON.parse(JSON.stringify(e.sseEvents)));
    // The arrivals of 221 events and one event written whole: a few KB, not the ~25 KB of data again.
    expect(await storedEventBytes(store)).toBeLessThan(221 * 12 + 200);
    const page = await store.exchanges.list({}, { limit: 10 });
    const scanned = await store.scan.page({}, null, 10);
    for (const e of [live, imported, other]) {
      expect(JSON.stringify((await store.exchanges.get(e.id))?.sseEvents)).toBe(asJson(e));
      expect(JSON.stringify(page.items.find((i) => i.id === e.id)?.sseEvents)).toBe(asJson(e));
      expect(JSON.stringify(scanned.find((i) => i.id === e.id)?.sseEvents)).toBe(asJson(e));
    }
  });

  it.skipIf(skip)('reads a row written before the compact form (events as a JSON array) as it was', async () => {
    store = await openStore({ url: await url() });
    const e = streamed('01D', 2);
    await store.exchanges.insertMany([e]);
    // As an older writer stored it.
    await storeDatabase(store)
      .updateTable('exchanges')
      .set({ sse_events: JSON.stringify(e.sseEvents) })
      .where('id', '=', e.id)
      .execute();
    expect((await store.exchanges.get(e.id))?.sseEvents).toEqual(e.sseEvents);
  });
});
