import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { seededRandom } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { openStore, type Store } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { runCli, spawnCli } from './spawn-cli.js';

const token = 'release-state-token';

function agent(): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const s = serve(
      { fetch: createDemoAgentApp({ variant: 'good', random: seededRandom(5) }).fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((r) => s.close(() => r())) }),
    );
  });
}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ url: db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const storeVersions = (db: string) =>
  withStore(db, async (store) => Object.fromEntries((await store.versions.list()).map((v) => [v.name, v.upstream])));

interface Listed {
  versions: { name: string; serves: string[] }[];
  routes: { route: string; primary: string; canary: { id: string; candidate: string } | null }[];
}

describe('release state across real processes', () => {
  let a: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    a = await agent();
  });
  afterAll(async () => {
    await a.close();
  });

  it('defect 1: a second start on the same database writes nothing, so a later rollback cannot switch on an outage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-release-'));
    const db = join(dir, 'u.db');
    const env = { UNDERSTUDY_DB: db, UNDERSTUDY_ADMIN_TOKEN: token };
    const first = spawnCli(['start', '--upstream', a.url, '--port', '0', '--control-port', '0'], env, dir);
    try {
      const tapUrl = await eventually(() => /tap\s+(http:\/\/\S+)/.exec(first.stdout())?.[1], 60_000);
      const tapPort = new URL(tapUrl).port;
      const chat = async () => {
        const res = await request(`${tapUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'how long does shipping take?' }] }),
        });
        await res.body.text();
        return res.statusCode;
      };
      expect(await chat()).toBe(200);

      // A second start that cannot listen (the tap's port is taken) and has no upstream of its own.
      const busy = await runCli(['start', '--port', tapPort, '--control-port', '0'], env, dir);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(/port \d+ .*already in use/);
      // A second start declaring another upstream for stable: refused before anything runs.
      const other = await runCli(['start', '--upstream', 'http://127.0.0.1:9', '--port', '0', '--control-port', '0'], env, dir);
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/--upstream declares version stable → http:\/\/127\.0\.0\.1:9\/?, but the store has .*--apply-config/);
      expect(await storeVersions(db)).toEqual({ stable: a.url });

      // A routing change (a canary started and rolled back) makes the tap reload stable: still A.
      await withStore(db, (store) => store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:9', headers: {} }));
      const started = await runCli(['canary', 'start', '--candidate', 'v2'], env, dir);
      expect(started.code).toBe(0);
      const id = started.stdout.trim();
      expect((await runCli(['canary', 'rollback', id], env, dir)).code).toBe(0);
      const revision = await withStore(db, (store) => store.routing.revision('stable'));
      await eventually(() => (new RegExp(`routing changed.*revision=${revision}\\b`).test(first.stdout()) ? true : undefined));
      for (let i = 0; i < 3; i++) expect(await chat()).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(0);
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    }
  }, 120_000);

  it('defect 2: promote makes the candidate the route primary; the next canary starts from it and its rollback leaves it there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-release-'));
    const db = join(dir, 'u.db');
    const env = { UNDERSTUDY_DB: db, USER: 'dana' };
    const cli = (...args: string[]) => runCli(args, env, dir);
    await withStore(db, async (store) => {
      for (const [name, port] of [
        ['stable', 7],
        ['good2', 8],
        ['other', 9],
      ] as const)
        await store.versions.upsert({ name, upstream: `http://127.0.0.1:${port}`, headers: {} });
    });
    const first = await cli('canary', 'start', '--candidate', 'good2');
    expect(first.code).toBe(0);
    expect((await cli('canary', 'promote', first.stdout.trim())).stdout).toContain('promoted');

    const second = await cli('canary', 'start', '--candidate', 'other');
    expect(second.stderr).toBe('');
    const id = second.stdout.trim();
    expect((await withStore(db, (store) => store.canaries.get(id)))?.stable).toBe('good2');
    const during = JSON.parse((await cli('versions', 'list', '--json')).stdout) as Listed;
    expect(during.routes).toMatchObject([{ route: 'stable', primary: 'good2', canary: { id, candidate: 'other' } }]);

    expect((await cli('canary', 'rollback', id)).code).toBe(0);
    const after = JSON.parse((await cli('versions', 'list', '--json')).stdout) as Listed;
    expect(after.routes).toMatchObject([{ route: 'stable', primary: 'good2', canary: null }]);
    expect(after.versions.find((v) => v.name === 'good2')?.serves).toEqual(['stable']);

    // Naming the replaced version as stable would send the route's traffic back to it: refused.
    const stale = await cli('canary', 'start', '--candidate', 'other', '--stable', 'stable');
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/route stable serves good2, not stable/);
  }, 120_000);
});
