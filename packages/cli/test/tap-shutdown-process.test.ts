import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-cli.js';
import { startJsonUpstream, startTapProcess } from './tap-process.js';

/** The JSON log lines at warn level or worse (pino: 40 warn, 50 error, 60 fatal). */
function warnings(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (!line.startsWith('{')) return false;
    const level = (JSON.parse(line) as { level?: number }).level ?? 0;
    return level >= 40;
  });
}

/**
 * User audit 3: `understudy tap` on a SQLite file closed its capture writer process before it
 * stopped the routing watcher that reads through it, so a stop printed a warning with a stack
 * trace every poll (`capture writer closed`) — three on a SIGTERM, ~20 over five seconds when
 * the port was taken, where the user should get one line and exit 2.
 */
describe('understudy tap stops without warnings', () => {
  let dir = '';
  let upstream: Awaited<ReturnType<typeof startJsonUpstream>>;
  let squatter: Server;
  let busyPort = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-tap-stop-'));
    upstream = await startJsonUpstream({ ok: true });
    squatter = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => squatter.listen(0, '0.0.0.0', resolve));
    busyPort = (squatter.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await upstream.close();
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('on a port already in use: one line on stderr, exit 2, no warning', async () => {
    const env = { UNDERSTUDY_DB: join(dir, 'busy.db') };
    const run = await runCli(['tap', '--upstream', upstream.url, '--port', String(busyPort), '--log-format', 'json'], env, dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`understudy tap: tap port ${busyPort} on 0.0.0.0 is already in use`]);
    expect(warnings(run.stdout)).toEqual([]);
  }, 60_000);

  it('on SIGTERM after serving: exit 0, every capture stored, no warning', async () => {
    const db = join(dir, 'served.db');
    const tap = await startTapProcess(upstream.url, { UNDERSTUDY_DB: db }, dir);
    for (let i = 0; i < 10; i++) expect(await tap.send('/v1/chat/completions')).toBe(200);
    tap.cli.child.kill('SIGTERM');
    expect(await tap.cli.exit).toBe(0);
    expect(warnings(tap.output())).toEqual([]);
    const store = await openStore({ url: db });
    try {
      expect(await store.exchanges.count()).toBe(10);
    } finally {
      await store.close();
    }
  }, 60_000);
});
