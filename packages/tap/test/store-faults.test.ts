import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, sqliteWorkerSink } from '@understudy/store';
import SQLite from 'better-sqlite3';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

let root: string;
let upstream: LlmUpstream;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'understudy-store-faults-'));
  upstream = await startLlmUpstream();
});
afterAll(async () => {
  await upstream.close();
  rmSync(root, { recursive: true, force: true });
});

async function send(h: TapHarness, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await request(`${h.url}/echo?${tag}=${i}`);
    expect(res.statusCode).toBe(200);
    await res.body.dump();
  }
  await h.tap.flush();
}

async function health(h: TapHarness): Promise<{ status: string; capture: { healthy: boolean; storeErrors: number } }> {
  const res = await request(`${h.url}/_understudy/healthz`);
  return (await res.body.json()) as { status: string; capture: { healthy: boolean; storeErrors: number } };
}

async function countIn(file: string, tag: string): Promise<number> {
  const store = await openStore({ url: file });
  try {
    return (await store.exchanges.list({}, { limit: 1000 })).items.filter((e) => e.query.startsWith(`${tag}=`)).length;
  } finally {
    await store.close();
  }
}

describe('the capture store fails under traffic', () => {
  it('its directory deleted: traffic flows, drops are counted, healthz says degraded, capture resumes when the directory is back', async () => {
    const dir = join(root, 'deleted');
    mkdirSync(dir);
    const file = join(dir, 'capture.db');
    const h = await startTap(upstream.url, { sink: () => sqliteWorkerSink({ url: file }) });
    try {
      await send(h, 5, 'before');
      expect((await health(h)).status).toBe('ok');

      rmSync(dir, { recursive: true, force: true });
      await send(h, 5, 'gone');
      const degraded = await health(h);
      expect(degraded.status).toBe('degraded');
      expect(degraded.capture.healthy).toBe(false);
      expect(h.tap.stats().dropped).toBe(5);

      mkdirSync(dir);
      await send(h, 5, 'back');
      expect((await health(h)).status).toBe('ok');
    } finally {
      await h.close();
    }
    // Nothing silently lost: the 5 sent while the directory was gone are the 5 counted as dropped.
    expect(await countIn(file, 'back')).toBe(5);
  });

  it('its file replaced (restored from a backup): the tap reopens the new file and writes there', async () => {
    const dir = join(root, 'replaced');
    mkdirSync(dir);
    const file = join(dir, 'capture.db');
    const h = await startTap(upstream.url, { sink: () => sqliteWorkerSink({ url: file }) });
    try {
      await send(h, 3, 'first');
      // A fresh database moved into place, as a restore does.
      const fresh = join(root, 'fresh.db');
      (await openStore({ url: fresh })).close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      renameSync(fresh, file);
      await send(h, 4, 'second');
      expect((await health(h)).status).toBe('ok');
    } finally {
      await h.close();
    }
    expect(await countIn(file, 'second')).toBe(4);
  });

  it('locked by another connection past the busy timeout: drops counted, degraded, and writes resume once the lock is gone', async () => {
    const dir = join(root, 'locked');
    mkdirSync(dir);
    const file = join(dir, 'capture.db');
    const h = await startTap(upstream.url, { sink: () => sqliteWorkerSink({ url: file }) });
    const other = new SQLite(file);
    try {
      await send(h, 2, 'unlocked');
      other.exec('BEGIN EXCLUSIVE');
      // The writer waits busy_timeout (5 s), then the batch is refused; requests are not held.
      await send(h, 3, 'locked');
      expect(h.tap.stats()).toMatchObject({ dropped: 3, healthy: false });
      expect((await health(h)).status).toBe('degraded');
      other.exec('COMMIT');
      await send(h, 2, 'released');
      expect((await health(h)).status).toBe('ok');
    } finally {
      other.close();
      await h.close();
    }
    expect(await countIn(file, 'released')).toBe(2);
  });
});
