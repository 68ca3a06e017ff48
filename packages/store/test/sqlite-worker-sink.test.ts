import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, emptyBody, noUsage } from '@understudy/core';
import { openStore, sqliteWorkerSink } from '@understudy/store';
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
