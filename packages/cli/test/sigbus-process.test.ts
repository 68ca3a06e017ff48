import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { spawnCli } from './spawn-cli.js';

interface Health {
  status: string;
  capture: { healthy: boolean; captured: number; dropped: number; lastError: string | null };
}

describe('understudy tap when the database shared-memory file is truncated under it', () => {
  let upstream: Server;
  let upstreamUrl = '';
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-sigbus-'));
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => upstream.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering: the SIGBUS kills only the capture writer process, which is restarted and captures again', async () => {
    const db = join(dir, 'captures.db');
    const tap = spawnCli(['tap', '--upstream', upstreamUrl, '--port', '0', '--log-format', 'json'], { UNDERSTUDY_DB: db }, dir);
    const output = (): string => tap.stdout() + tap.stderr();
    try {
      const url = await eventually(
        () => (/"msg":"tap listening"/.test(output()) ? /"url":"(http:[^"]+)"/.exec(output())?.[1] : undefined),
        30_000,
      );
      const health = async (): Promise<Health> => (await (await request(`${url}/_understudy/healthz`)).body.json()) as Health;
      const send = async (path: string): Promise<number> => {
        const res = await request(`${url}${path}`, { method: 'POST', body: '{"q":1}', headers: { 'content-type': 'application/json' } });
        await res.body.text();
        return res.statusCode;
      };
      for (let i = 0; i < 20; i++) expect(await send(`/before/${i}`)).toBe(200);
      await eventually(async () => ((await health()).capture.captured === 20 ? true : undefined), 20_000);

      // Nothing in this test process has the database open: the fault can only reach the tap.
      truncateSync(`${db}-shm`, 0);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await send(`/during/${i}`));
      expect(statuses.every((s) => s === 200)).toBe(true);
      await eventually(() => (/capture writer exited \(SIGBUS\)|"signal":"SIGBUS"/.test(output()) ? true : undefined), 20_000);
      expect(output()).toContain('capture writer process died; capture is degraded until it is restarted');

      // Recovered by itself: new captures are written and healthz is ok again.
      let after = 0;
      await eventually(async () => {
        expect(await send(`/after/${after++}`)).toBe(200);
        const h = await health();
        return h.status === 'ok' && h.capture.healthy && h.capture.captured > 20 ? true : undefined;
      }, 30_000);
      // Every capture is accounted for: written, or dropped and counted.
      await eventually(async () => {
        const h = await health();
        return h.capture.captured + h.capture.dropped === 20 + 40 + after ? true : undefined;
      }, 10_000);
      expect(tap.child.exitCode).toBeNull();
    } finally {
      tap.child.kill('SIGTERM');
    }
    expect(await tap.exit).toBe(0);
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
