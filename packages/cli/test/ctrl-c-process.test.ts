import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { spawnCli } from './spawn-cli.js';
import { startJsonUpstream } from './tap-process.js';

/** A long flush interval, so Ctrl-C lands with captures queued. */
const flushIntervalMs = 2000;

/**
 * Ctrl-C in a terminal signals the whole foreground process group: the tap and its SQLite
 * writer process alike (so does systemd's stop, to the whole control group). The writer died
 * of it before the tap could flush: 57 of 499 captures were refused at a user's Ctrl-C.
 */
describe('Ctrl-C on understudy tap (SIGINT to its process group) stores every capture it accepted', () => {
  let upstream: Awaited<ReturnType<typeof startJsonUpstream>>;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-ctrlc-'));
    upstream = await startJsonUpstream();
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ tap: { capture: { flushIntervalMs, batchSize: 100_000 } } }));
  });
  afterAll(async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flushes the queue into the store and ends its capture run closed, nothing refused', async () => {
    const db = join(dir, 'captures.db');
    const tap = spawnCli(['tap', '--upstream', upstream.url, '--port', '0', '--log-format', 'json'], { UNDERSTUDY_DB: db }, dir, {
      detached: true,
    });
    const output = (): string => tap.stdout() + tap.stderr();
    const url = await eventually(() => /"url":"(http:[^"]+)"[^\n]*"msg":"tap listening"/.exec(output())?.[1], 30_000);
    let answered = 0;
    for (let i = 0; i < 60; i++) {
      const res = await request(`${url}/v1/item/${i}`, {
        method: 'POST',
        body: '{"q":1}',
        headers: { 'content-type': 'application/json' },
      });
      await res.body.text();
      if (res.statusCode === 200) answered++;
    }
    expect(answered).toBe(60);
    // Captures wait in the queue (the flush interval is long), as they do at any moment under traffic.
    await eventually(async () => {
      const metrics = await (await request(`${url}/_understudy/metrics`)).body.text();
      return Number(/^understudy_tap_capture_queue_depth (\d+)/m.exec(metrics)?.[1] ?? 0) > 0 ? true : undefined;
    }, 10_000);
    const pid = tap.child.pid ?? 0;
    process.kill(-pid, 'SIGINT');
    expect(await tap.exit).toBe(0);
    expect(output()).not.toContain('capture writer process died');
    const store = await openStore({ url: db });
    const runs = await store.captureRuns.list();
    const stored = await store.exchanges.count();
    await store.close();
    expect(stored).toBe(60);
    expect(runs.map((r) => [r.endReason, r.accepted, r.stored, r.refused, r.lost])).toEqual([['closed', 60, 60, 0, 0]]);
  }, 60_000);
});
