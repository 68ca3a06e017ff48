import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { startJsonUpstream, startTapProcess, type TapHealth, type TapProcess } from './tap-process.js';

/** A long flush interval, so a kill lands with captures queued. */
const flushIntervalMs = 1000;
const concurrency = 8;

describe('a tap killed with SIGKILL mid-capture: the number of captures lost is known on restart', () => {
  let upstream: Awaited<ReturnType<typeof startJsonUpstream>>;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-lost-'));
    upstream = await startJsonUpstream();
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ tap: { capture: { flushIntervalMs, batchSize: 100_000 } } }));
  });
  afterAll(async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startTap = async (): Promise<{ tap: TapProcess['cli']; url: string }> => {
    const t = await startTapProcess(upstream.url, { UNDERSTUDY_DB: join(dir, 'captures.db') }, dir);
    return { tap: t.cli, url: t.url };
  };

  it('reports lost = answered − stored (> 0), at most one flush interval of answers, in the log, /healthz and capture_runs', async () => {
    const first = await startTap();
    const answeredAt: number[] = [];
    let stop = false;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; i < 100_000 && !stop; i++) {
        try {
          const res = await request(`${first.url}/v1/item/${w}/${i}`, {
            method: 'POST',
            body: '{"q":1}',
            headers: { 'content-type': 'application/json' },
          });
          await res.body.text();
          if (res.statusCode === 200) answeredAt.push(performance.now());
        } catch {
          return; // the tap is gone
        }
      }
    };
    const load = Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
    // Past the first flushes, then mid-interval: the queue holds what was answered since the last flush.
    await eventually(() => (answeredAt.length >= 300 ? true : undefined), 20_000);
    // The writer is up and has written (a writer still starting holds every capture, not one interval's).
    await eventually(async () => {
      const health = (await (await request(`${first.url}/_understudy/healthz`)).body.json()) as { capture: { captured: number } };
      return health.capture.captured > 0 ? true : undefined;
    }, 30_000);
    // Killed while captures wait in the queue (the gauge the tap exports), between two flushes.
    await eventually(async () => {
      const metrics = await (await request(`${first.url}/_understudy/metrics`)).body.text();
      const depth = Number(/^understudy_tap_capture_queue_depth (\d+)/m.exec(metrics)?.[1] ?? 0);
      return depth >= 50 ? true : undefined;
    }, 30_000);
    const killedAt = performance.now();
    first.tap.child.kill('SIGKILL');
    await first.tap.exit;
    stop = true;
    await load;
    const answered = answeredAt.length;
    // A loaded machine fires the flush timer late and a flush takes time of its own: allow the
    // answers of two intervals (the one being written and the one queued), never the whole run.
    const lastInterval = answeredAt.filter((t) => t > killedAt - 2 * flushIntervalMs - 500).length;

    const second = await startTap();
    let lost = 0;
    try {
      // Counted once the restarted tap is up: the killed tap's writer process (it exits when
      // its parent is gone) cannot still be committing a batch.
      const store = await openStore({ url: join(dir, 'captures.db') });
      const stored = await store.exchanges.count();
      await store.close();
      expect(answered).toBeGreaterThan(stored);
      const health = (await (await request(`${second.url}/_understudy/healthz`)).body.json()) as TapHealth;
      // The tap counts what it accepted; the client counts what it received. They differ only by
      // the requests in flight at the kill (accepted but never received, or received just before
      // the tally), at most one per client connection.
      lost = health.capture.lostBeforeStart.lost;
      expect(health.capture.lostBeforeStart).toEqual({ runs: 1, lost, unknown: 0 });
      expect(lost).toBeGreaterThan(0);
      expect(Math.abs(lost - (answered - stored))).toBeLessThanOrEqual(concurrency);
      expect(lost).toBeLessThanOrEqual(lastInterval + concurrency);
      expect(lost).toBeLessThan(answered - concurrency); // flushed captures survived the kill
      expect(second.tap.stdout() + second.tap.stderr()).toContain(
        `a previous tap on this host was killed: ${lost} captures it accepted were never stored`,
      );
      const metrics = await (await request(`${second.url}/_understudy/metrics`)).body.text();
      expect(metrics).toContain(`understudy_tap_captures_lost_before_start ${lost}`);
      const check = await openStore({ url: join(dir, 'captures.db') });
      const runs = (await check.captureRuns.unended(hostname())).filter((r) => r.endReason !== null || r.pid !== second.tap.child.pid);
      expect(runs).toEqual([]);
      await check.close();
      // The second tap captures, then stops cleanly: its run ends `closed` with nothing lost.
      const res = await request(`${second.url}/v1/after`, { method: 'POST', body: '{}' });
      await res.body.text();
    } finally {
      second.tap.child.kill('SIGTERM');
      expect(await second.tap.exit).toBe(0);
    }
    const after = await openStore({ url: join(dir, 'captures.db') });
    const rows = await after.captureRuns.list();
    const stored = (await after.exchanges.count()) - 1;
    await after.close();
    expect(rows.map((r) => [r.endReason, r.lost])).toEqual([
      ['killed', lost],
      ['closed', 0],
    ]);
    expect(rows[0]).toMatchObject({ stored, accepted: stored + lost, refused: 0 });
    expect(rows[1]).toMatchObject({ accepted: 1, stored: 1, refused: 0 });
  }, 90_000);
});
