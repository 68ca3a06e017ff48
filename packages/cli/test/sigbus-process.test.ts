import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { startJsonUpstream, startTapProcess } from './tap-process.js';

describe('understudy tap when the database shared-memory file is truncated under it', () => {
  let upstream: Awaited<ReturnType<typeof startJsonUpstream>>;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-sigbus-'));
    upstream = await startJsonUpstream();
  });
  afterAll(async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering: the SIGBUS kills only the capture writer process, which is restarted and captures again', async () => {
    const db = join(dir, 'captures.db');
    const tap = await startTapProcess(upstream.url, { UNDERSTUDY_DB: db }, dir);
    try {
      for (let i = 0; i < 20; i++) expect(await tap.send(`/before/${i}`)).toBe(200);
      await eventually(async () => ((await tap.health()).capture.captured === 20 ? true : undefined), 20_000);

      // Nothing in this test process has the database open: the fault can only reach the tap.
      truncateSync(`${db}-shm`, 0);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await tap.send(`/during/${i}`));
      expect(statuses.every((s) => s === 200)).toBe(true);
      await eventually(() => (/capture writer exited \(SIGBUS\)|"signal":"SIGBUS"/.test(tap.output()) ? true : undefined), 20_000);
      expect(tap.output()).toContain('capture writer process died; capture is degraded until it is restarted');

      // Recovered by itself: new captures are written and healthz is ok again.
      let after = 0;
      await eventually(async () => {
        expect(await tap.send(`/after/${after++}`)).toBe(200);
        const h = await tap.health();
        return h.status === 'ok' && h.capture.healthy && h.capture.captured > 20 ? true : undefined;
      }, 30_000);
      // Every capture is accounted for: written, or dropped and counted.
      await eventually(async () => {
        const h = await tap.health();
        return h.capture.captured + h.capture.dropped === 20 + 40 + after ? true : undefined;
      }, 10_000);
      // The restart is visible: healthz names the exit, the metric counts it.
      expect((await tap.health()).capture.writer).toMatchObject({
        running: true,
        restarts: 1,
        consecutiveFailures: 1,
        restartInMs: null,
        lastExit: 'SIGBUS',
      });
      const metrics = await (await request(`${tap.url}/_understudy/metrics`)).body.text();
      expect(metrics).toMatch(/^understudy_tap_capture_writer_restarts 1$/m);
      expect(metrics).toMatch(/^understudy_tap_capture_writer_restart_wait_seconds 0$/m);
      expect(tap.output()).toMatch(/"restartInMs":1000,"consecutiveFailures":1[^\n]*capture writer process died/);
      expect(tap.cli.child.exitCode).toBeNull();
    } finally {
      tap.cli.child.kill('SIGTERM');
    }
    expect(await tap.cli.exit).toBe(0);
    const check = new SQLite(db, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = (check.prepare('select count(*) as n from exchanges').get() as { n: number }).n;
      expect(rows).toBeGreaterThan(20);
    } finally {
      check.close();
    }
  }, 90_000);
});
