import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, emptyBody, ManualClock, noUsage, silentLogger } from '@understudy/core';
import { openStore, type SqliteWorkerSink, sqliteWorkerSink, sqliteWriterProcess } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const exchange = (id: string): Exchange => ({
  id,
  startedAt: 1,
  method: 'POST',
  path: '/w',
  query: '',
  requestHeaders: { a: 'b' },
  requestBody: { bytes: new Uint8Array([1, 2, 3]), size: 3, truncated: false },
  status: 200,
  responseHeaders: {},
  responseBody: emptyBody,
  streamed: false,
  sseEvents: [{ at: 1, data: 'x' }],
  ttfbMs: 1,
  durationMs: 2,
  version: 'stable',
  role: 'live',
  parentId: null,
  usage: noUsage,
  error: null,
});

let dir: string;

/** The fixture builder, as the tap hands its own to a writer: an importable URL and cloneable options. */
const builder = { module: new URL('./fixtures/tagging-builder.ts', import.meta.url).href, options: { tag: 'from-options' } };

/** Writes a built exchange, two unbuilt ones and one the builder throws on; checks what was stored and counted. */
async function buildsInTheWriter(
  sink: { write: SqliteWorkerSink['write']; buildWith: SqliteWorkerSink['buildWith']; close(): Promise<void> },
  file: string,
) {
  sink.buildWith(builder);
  const outcome = await sink.write([
    exchange('01A'),
    { unbuilt: { id: '01B' } },
    { unbuilt: { id: '01C', fail: true } },
    { unbuilt: { id: '01D' } },
  ]);
  await sink.close();
  // The failure is named by its type, never by its message (which may quote captured text).
  expect(outcome).toEqual({ buildFailures: 1, buildFailure: 'TypeError' });
  const store = await openStore({ url: file });
  try {
    expect(await store.exchanges.count()).toBe(3);
    expect((await store.exchanges.get('01A'))?.path).toBe('/w');
    expect((await store.exchanges.get('01B'))?.path).toBe('/built/from-options');
    expect((await store.exchanges.get('01D'))?.path).toBe('/built/from-options');
    expect(await store.exchanges.get('01C')).toBeUndefined();
  } finally {
    await store.close();
  }
}

/** Writes byte items (as the tap's packed parts) among a built and an unbuilt object item; checks what was stored and counted. */
async function buildsBytes(
  sink: { write: SqliteWorkerSink['write']; buildWith: SqliteWorkerSink['buildWith']; close(): Promise<void> },
  file: string,
) {
  sink.buildWith(builder);
  const packed = (parts: object): { unbuilt: Uint8Array } => ({ unbuilt: new Uint8Array(Buffer.from(JSON.stringify(parts), 'utf8')) });
  const mine = packed({ id: '01B' });
  const outcome = await sink.write([
    packed({ id: '01F', fail: true }),
    exchange('01A'),
    mine,
    { unbuilt: { id: '01C' } },
    packed({ id: '01D' }),
  ]);
  await sink.close();
  expect(outcome).toEqual({ buildFailures: 1, buildFailure: 'TypeError' });
  // Copied into the sent buffer, never detached from the caller.
  expect(JSON.parse(Buffer.from(mine.unbuilt).toString('utf8'))).toEqual({ id: '01B' });
  const store = await openStore({ url: file });
  try {
    expect(await store.exchanges.count()).toBe(4);
    expect((await store.exchanges.get('01A'))?.path).toBe('/w');
    expect((await store.exchanges.get('01B'))?.path).toBe('/built/from-options/bytes');
    expect((await store.exchanges.get('01C'))?.path).toBe('/built/from-options');
    expect((await store.exchanges.get('01D'))?.path).toBe('/built/from-options/bytes');
    expect(await store.exchanges.get('01F')).toBeUndefined();
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-worker-sink-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sqliteWorkerSink', () => {
  it('writes batches from a worker thread into the SQLite file', async () => {
    const file = join(dir, 'a.db');
    const sink = sqliteWorkerSink({ url: file });
    await sink.write([exchange('01A'), exchange('01B')]);
    await sink.write([exchange('01C')]);
    await sink.close?.();
    const store = await openStore({ url: file });
    try {
      expect(await store.exchanges.count()).toBe(3);
      const got = await store.exchanges.get('01B');
      expect(Array.from(got?.requestBody.bytes ?? [])).toEqual([1, 2, 3]);
      expect(got?.sseEvents).toEqual([{ at: 1, data: 'x' }]);
    } finally {
      await store.close();
    }
  });

  it('builds unbuilt items in the thread with the builder it was given; one that fails to build is counted, the rest stored', async () => {
    const file = join(dir, 'built.db');
    await buildsInTheWriter(sqliteWorkerSink({ url: file }), file);
  });

  it('builds unbuilt items that are bytes (the tap packed parts) from one buffer it sends the thread, leaving the caller its own', async () => {
    const file = join(dir, 'bytes.db');
    await buildsBytes(sqliteWorkerSink({ url: file }), file);
  });

  it('stores every byte item of many batches, two in flight, while it packs them into the buffers the thread hands back', async () => {
    const file = join(dir, 'handed-back.db');
    const sink = sqliteWorkerSink({ url: file });
    sink.buildWith(builder);
    const ids: string[] = [];
    // Items of 20 B to 3 KB, batches of 1 to 60: spares of several sizes come back and are filled again.
    const batch = (size: number) =>
      Array.from({ length: size }, () => {
        const id = `01R${String(ids.length).padStart(5, '0')}`;
        ids.push(id);
        return { unbuilt: new Uint8Array(Buffer.from(JSON.stringify({ id, pad: 'x'.repeat((ids.length * 7919) % 3000) }), 'utf8')) };
      });
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.all([sink.write(batch(1 + ((round * 13) % 40))), sink.write(batch(1 + ((round * 29) % 60)))]);
      // A buffer read again after it went back (or handed back before its batch was built) fails to build.
      expect(outcomes).toEqual([{ buildFailures: 0 }, { buildFailures: 0 }]);
    }
    await sink.close();
    const store = await openStore({ url: file });
    try {
      expect(await store.exchanges.count()).toBe(ids.length);
      for (const id of ids) expect((await store.exchanges.get(id))?.path).toBe('/built/from-options/bytes');
    } finally {
      await store.close();
    }
  });

  it('rejects writes when the store cannot be opened', async () => {
    const sink = sqliteWorkerSink({ url: join(dir, 'not-a-dir.db', 'x', '\0bad') });
    await expect(sink.write([exchange('01A')])).rejects.toThrow(/capture writer/);
    await sink.close?.();
  });
});

describe('sqliteWriterProcess', () => {
  it('builds unbuilt items in the child process with the builder it was given (sent over IPC once the writer is ready)', async () => {
    const file = join(dir, 'built-process.db');
    await buildsInTheWriter(sqliteWriterProcess({ url: file }), file);
  }, 30_000);

  it('builds byte items from one buffer sent over IPC, leaving the caller its own', async () => {
    const file = join(dir, 'bytes-process.db');
    await buildsBytes(sqliteWriterProcess({ url: file }), file);
  }, 30_000);

  it('writes and answers routing reads from a child process; a SIGBUS there (truncated -shm) fails only its batch, and a new writer takes over', async () => {
    const file = join(dir, 'p.db');
    const seeded = await openStore({ url: file });
    await seeded.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await seeded.routing.ensure('stable', 'stable', 1);
    await seeded.close();
    const logged: string[] = [];
    const logger = { ...silentLogger, error: (_o: unknown, msg?: string) => void logged.push(String(msg)), child: () => logger };
    const writer = sqliteWriterProcess({ url: file, restartBackoff: { initialMs: 50, maxMs: 50, healthyAfterMs: 0 }, logger });
    try {
      await writer.write([exchange('01A'), exchange('01B')]);
      expect((await writer.reads.routing.get('stable'))?.primary).toBe('stable');
      expect((await writer.reads.versions.get('stable'))?.upstream).toBe('http://127.0.0.1:1');
      const stamp = await writer.reads.routing.stamp('stable');
      // This process holds no connection: the truncation can only hurt the writer.
      truncateSync(`${file}-shm`, 0);
      await expect(writer.write([exchange('01C')])).rejects.toThrow(/capture writer exited \(SIGBUS\)/);
      expect(logged).toContain('capture writer process died; capture is degraded until it is restarted');
      let written = false;
      for (let i = 0; i < 200 && !written; i++) {
        await new Promise((r) => setTimeout(r, 25));
        written = await writer.write([exchange('01D')]).then(
          () => true,
          () => false,
        );
      }
      expect(written).toBe(true);
      expect(writer.restarts()).toBe(1);
      expect(await writer.reads.routing.stamp('stable')).toBe(stamp);
    } finally {
      await writer.close();
    }
    const store = await openStore({ url: file });
    try {
      expect(await store.exchanges.count()).toBe(3);
      expect(await store.exchanges.get('01C')).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 30_000);

  it('a store that kills the writer at every start is retried after 1, 2, 4, 8 s (not every second), and after a minute up the next death waits 1 s again', async () => {
    const file = join(dir, 'never-opens.db');
    // Not a database: every writer fails to open it and exits.
    writeFileSync(file, 'not a SQLite database '.repeat(100));
    const clock = new ManualClock();
    const deaths: { restartInMs?: number; consecutiveFailures?: number; exit?: string }[] = [];
    const logger = {
      ...silentLogger,
      error: (o: unknown, msg?: string) => {
        if (msg?.startsWith('capture writer process died') === true) deaths.push(o as (typeof deaths)[number]);
      },
      child: () => logger,
    };
    const writer = sqliteWriterProcess({ url: file, clock, logger });
    try {
      const waits = [1_000, 2_000, 4_000, 8_000];
      for (const [i, wait] of waits.entries()) {
        await vi.waitFor(() => expect(deaths).toHaveLength(i + 1), { timeout: 20_000, interval: 20 });
        expect(deaths[i]).toMatchObject({ restartInMs: wait, consecutiveFailures: i + 1 });
        expect(deaths[i]?.exit).toMatch(/could not open the store/);
        expect(writer.health()).toMatchObject({ running: false, restarts: i, consecutiveFailures: i + 1, restartInMs: wait });
        if (i === waits.length - 1) rmSync(file);
        clock.advance(wait - 1);
        expect(writer.restarts()).toBe(i);
        clock.advance(1);
        expect(writer.restarts()).toBe(i + 1);
      }
      // The store came back (a fresh file): the writer that started stays up and writes.
      await writer.write([exchange('01E')]);
      expect(writer.health()).toMatchObject({ running: true, restarts: 4, restartInMs: null });
      // A minute up is healthy: the next death (a SIGBUS) is one failure, retried after 1 s.
      clock.advance(60_000);
      truncateSync(`${file}-shm`, 0);
      await expect(writer.write([exchange('01F')])).rejects.toThrow(/capture writer exited \(SIGBUS\)/);
      await vi.waitFor(() => expect(deaths).toHaveLength(5), { timeout: 20_000, interval: 20 });
      expect(deaths[4]).toMatchObject({ restartInMs: 1_000, consecutiveFailures: 1, exit: 'SIGBUS' });
      expect(deaths).toHaveLength(5);
    } finally {
      await writer.close();
    }
  }, 60_000);
});
