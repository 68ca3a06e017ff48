import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, emptyBody, noUsage, silentLogger } from '@understudy/core';
import { openStore, sqliteWorkerSink, sqliteWriterProcess } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

  it('rejects writes when the store cannot be opened', async () => {
    const sink = sqliteWorkerSink({ url: join(dir, 'not-a-dir.db', 'x', '\0bad') });
    await expect(sink.write([exchange('01A')])).rejects.toThrow(/capture writer/);
    await sink.close?.();
  });
});

describe('sqliteWriterProcess', () => {
  it('writes and answers routing reads from a child process; a SIGBUS there (truncated -shm) fails only its batch, and a new writer takes over', async () => {
    const file = join(dir, 'p.db');
    const seeded = await openStore({ url: file });
    await seeded.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await seeded.routing.ensure('stable', 'stable', 1);
    await seeded.close();
    const logged: string[] = [];
    const logger = { ...silentLogger, error: (_o: unknown, msg?: string) => void logged.push(String(msg)), child: () => logger };
    const writer = sqliteWriterProcess({ url: file, restartDelayMs: 50, logger });
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
});
