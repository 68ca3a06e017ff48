import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { openStore, type Store, storeDatabase } from './store.js';
import { testExchange, testJsonBody } from './testing.js';

function exchange(over: Partial<Exchange> & { id: string }): Exchange {
  return testExchange(over.id, {
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: testJsonBody({ a: 1 }),
    ttfbMs: 1.5,
    durationMs: 2.25,
    ...over,
  });
}

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-store-')), 'x.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
] as const;

describe.each(dialects)('ExchangeRepository on $kind', ({ skip, url: makeUrl }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const open = async () => {
    store = await openStore({ url: await makeUrl() });
    return store;
  };

  it.skipIf(skip)('takes a lazy iterable in one transaction: a source that fails half-way leaves nothing of its batch', async () => {
    const s = await open();
    const asked: number[] = [];
    function* lazy(stop?: number): Generator<Exchange> {
      for (let i = 0; i < 4; i++) {
        if (i === stop) throw new Error('the source failed');
        asked.push(i);
        yield exchange({
          id: `L${stop ?? ''}${i}`,
          requestBody: testJsonBody({ messages: [{ role: 'system', content: 'shared' }], n: i }),
        });
      }
    }
    await s.exchanges.insertMany(lazy());
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(await s.exchanges.count()).toBe(4);
    expect((await s.exchanges.get('L2'))?.requestBody).toEqual(testJsonBody({ messages: [{ role: 'system', content: 'shared' }], n: 2 }));
    // A source that fails half-way leaves nothing of its batch: the rows it gave are rolled back.
    await expect(s.exchanges.insertMany(lazy(2))).rejects.toThrow('the source failed');
    expect(await s.exchanges.count()).toBe(4);
  });

  it.skipIf(skip)('round-trips every field, bytes included, across reopen', async () => {
    const file = await makeUrl();
    store = await openStore({ url: file });
    const e = exchange({
      id: '01A',
      responseBody: { bytes: new Uint8Array([0, 255, 1, 2]), size: 9000, truncated: true },
      sseEvents: [
        { at: 3.5, data: '{"x":1}' },
        { at: 4, event: 'done', data: '[DONE]' },
      ],
      usage: { inputTokens: 10, outputTokens: 20, costUsd: 0.0003 },
      error: { code: 'upstream_error', message: 'socket hang up' },
      streamed: true,
      status: null,
    });
    await store.exchanges.insertMany([e]);
    const back = await store.exchanges.get('01A');
    expect(back).toEqual(e);
    expect(Array.from(back?.responseBody.bytes ?? [])).toEqual([0, 255, 1, 2]);
    await store.close();
    // A second process (here: a second open) sees the rows and does not re-run migrations.
    store = await openStore({ url: file });
    expect(await store.exchanges.count()).toBe(1);
  });

  it.skipIf(skip)('ignores a duplicate id instead of failing the batch', async () => {
    store = await open();
    await store.exchanges.insertMany([exchange({ id: 'A' }), exchange({ id: 'B' })]);
    await store.exchanges.insertMany([exchange({ id: 'B' }), exchange({ id: 'C' })]);
    expect(await store.exchanges.count()).toBe(3);
  });

  it.skipIf(skip)('keeps a batch out of a concurrent transaction that rolls back', async () => {
    const s = await open();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let opened: () => void = () => {};
    const isOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const rolledBack = storeDatabase(s)
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('meta').values({ key: 'inside', value: 'x' }).execute();
        opened();
        await held;
        throw new Error('roll back');
      })
      .catch((error: unknown) => (error as Error).message);
    await isOpen;
    const inserted = s.exchanges.insertMany([exchange({ id: 'OUTSIDE' })]);
    release();
    expect(await rolledBack).toBe('roll back');
    await inserted;
    expect(await s.exchanges.get('OUTSIDE')).toBeDefined();
    expect(await s.meta.get('inside')).toBeUndefined();
  });

  it.skipIf(skip)('filters and pages newest first with a cursor', async () => {
    store = await open();
    const rows = Array.from({ length: 25 }, (_, i) =>
      exchange({
        id: `ID${String(i).padStart(3, '0')}`,
        startedAt: 1_000 + i,
        path: i % 2 === 0 ? '/v1/chat/completions' : '/v1/messages',
        status: i % 5 === 0 ? 503 : 200,
        version: i < 20 ? 'stable' : 'candidate',
      }),
    );
    await store.exchanges.insertMany(rows);
    const first = await store.exchanges.list({}, { limit: 10 });
    expect(first.items.map((e) => e.id)).toEqual(
      rows
        .slice(15)
        .reverse()
        .map((e) => e.id),
    );
    const second = await store.exchanges.list({}, { limit: 10, cursor: first.nextCursor ?? '' });
    const third = await store.exchanges.list({}, { limit: 10, cursor: second.nextCursor ?? '' });
    expect(third.items).toHaveLength(5);
    expect(third.nextCursor).toBeNull();

    const errors = await store.exchanges.list({ status: '5xx' });
    expect(errors.items.map((e) => e.status)).toEqual([503, 503, 503, 503, 503]);
    const messages = await store.exchanges.list({ path: '/v1/mess*', version: 'stable' });
    expect(messages.items.every((e) => e.path === '/v1/messages' && e.version === 'stable')).toBe(true);
    expect(messages.items).toHaveLength(10);
    const window = await store.exchanges.list({ since: 1_010, until: 1_012 });
    expect(window.items.map((e) => e.startedAt)).toEqual([1_011, 1_010]);
  });

  it.skipIf(skip)('treats % and _ in a path glob literally', async () => {
    store = await open();
    await store.exchanges.insertMany([exchange({ id: 'A', path: '/a_b' }), exchange({ id: 'B', path: '/axb' })]);
    const page = await store.exchanges.list({ path: '/a_*' });
    expect(page.items.map((e) => e.path)).toEqual(['/a_b']);
  });

  it.skipIf(skip)('matches a path glob case-sensitively, as PostgreSQL LIKE does and URL paths are (RFC 3986 §6.2.2.1)', async () => {
    store = await open();
    await store.exchanges.insertMany([exchange({ id: 'A', path: '/v1/chat' }), exchange({ id: 'B', path: '/V1/chat' })]);
    expect((await store.exchanges.list({ path: '/v1/*' })).items.map((e) => e.id)).toEqual(['A']);
    expect((await store.exchanges.list({ path: '/V1/*' })).items.map((e) => e.id)).toEqual(['B']);
  });

  it.skipIf(skip)('rejects a malformed status filter with a coded error', async () => {
    store = await open();
    await expect(store.exchanges.list({ status: 'bad' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe.each(dialects)('VersionRepository and MetaRepository on $kind', ({ skip, url }) => {
  it.skipIf(skip)('upserts versions and keeps the first meta value', async () => {
    const store = await openStore({ url: await url() });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:2', headers: { 'x-prompt-version': '13' } });
    expect(await store.versions.list()).toEqual([
      { name: 'stable', upstream: 'http://127.0.0.1:2', headers: { 'x-prompt-version': '13' } },
    ]);
    expect(await store.meta.getOrInit('k', () => 'first')).toBe('first');
    expect(await store.meta.getOrInit('k', () => 'second')).toBe('first');
    await store.close();
  });
});

describe.each(dialects)('CaptureRunRepository on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)(
    'counts stored rows in the batch transaction (duplicates not) and ends a run once with lost = accepted − stored − refused',
    async () => {
      store = await openStore({ url: await url() });
      await store.captureRuns.begin({ id: 'R1', host: 'h1', pid: 42, startedAt: 1 });
      await store.captureRuns.begin({ id: 'R2', host: 'h2', pid: 43, startedAt: 2 });
      await store.exchanges.insertMany([exchange({ id: 'A' }), exchange({ id: 'B' })], 'R1');
      await store.exchanges.insertMany([exchange({ id: 'B' }), exchange({ id: 'C' })], 'R1');
      await store.exchanges.insertMany([exchange({ id: 'D' })]);
      expect((await store.captureRuns.get('R1'))?.stored).toBe(3);
      expect((await store.captureRuns.unended('h1')).map((r) => r.id)).toEqual(['R1']);
      const ended = await store.captureRuns.end('R1', { endedAt: 9, reason: 'killed', accepted: 7, refused: 1 });
      expect(ended).toMatchObject({ id: 'R1', stored: 3, accepted: 7, refused: 1, lost: 3, endReason: 'killed', endedAt: 9 });
      // A second settle of the same run (two starts racing) records nothing.
      expect(await store.captureRuns.end('R1', { endedAt: 10, reason: 'killed', accepted: 99, refused: 0 })).toBeUndefined();
      expect(await store.captureRuns.unended('h1')).toEqual([]);
      expect(await store.captureRuns.end('R2', { endedAt: 11, reason: 'killed', accepted: null, refused: null })).toMatchObject({
        lost: null,
      });
      expect((await store.captureRuns.list()).map((r) => [r.id, r.lost])).toEqual([
        ['R1', 3],
        ['R2', null],
      ]);
    },
  );
});
