import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { seededRandom, systemClock } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { openStore } from '@understudy/store';
import SQLite from 'better-sqlite3';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const adminToken = 'fault-test-admin-token-7f3a9c';
/** Secrets a client sends; none may reach a stored byte or a log line. */
const secrets = ['sk-live-SEEDEDsecret0123456789abcd', 'jane.seeded@example.com', 'Zm9vYmFyYmF6cXV4c2VjcmV0'];

describe('understudy start killed with SIGKILL under capture', () => {
  let agent: ReturnType<typeof serve>;
  let agentUrl = '';
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-fault-'));
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(5), clock: systemClock });
    agent = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => agent.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a database that opens clean with every flushed capture, and no secret in any stored byte or log', async () => {
    const db = join(dir, 'captures.db');
    const child: ChildProcess = spawn(
      process.execPath,
      ['--conditions=source', '--import', tsx, main, 'start', '--upstream', agentUrl, '--port', '0', '--control-port', '0'],
      { cwd: dir, env: { ...process.env, UNDERSTUDY_DB: db, UNDERSTUDY_ADMIN_TOKEN: adminToken }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      const [tapUrl, controlUrl] = await eventually(() => {
        const tap = /tap\s+(http:\/\/\S+)/.exec(out)?.[1];
        const control = /control\s+(http:\/\/\S+)/.exec(out)?.[1];
        return tap !== undefined && control !== undefined ? [tap, control] : undefined;
      }, 30_000);
      const send = async (i: number): Promise<number> => {
        const res = await request(`${tapUrl}/v1/chat/completions?api_key=${secrets[2]}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets[0]}` },
          body: JSON.stringify({
            model: 'demo',
            messages: [{ role: 'user', content: `Order ${i}: mail ${secrets[1]}, key ${secrets[0]}` }],
          }),
        });
        await res.body.dump();
        return res.statusCode;
      };
      const flushed = 20;
      for (let i = 0; i < flushed; i++) expect(await send(i)).toBe(200);
      await eventually(async () => {
        const res = await request(`${controlUrl}/api/exchanges?limit=100`, { headers: { authorization: `Bearer ${adminToken}` } });
        const body = (await res.body.json()) as { items: unknown[] };
        return body.items.length === flushed ? true : undefined;
      });
      // More traffic, and the kill lands while it is in flight.
      let answered = 0;
      const late = Array.from({ length: 30 }, (_, i) =>
        send(flushed + i).then(
          () => answered++,
          () => {},
        ),
      );
      await eventually(() => (answered >= 5 ? true : undefined));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await Promise.all(late);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    // The file opens clean: SQLite's own check, then the store (migrations already applied).
    const raw = new SQLite(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = await openStore({ url: db });
    try {
      const count = await store.exchanges.count();
      // Every capture flushed before the kill survived; of the 30 in flight, at most all were lost.
      expect(count).toBeGreaterThanOrEqual(20);
      expect(count).toBeLessThanOrEqual(50);
    } finally {
      await store.close();
    }
    // Not one secret in the database, its WAL, or anything the process printed.
    const haystacks = [db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    haystacks.push(out);
    for (const secret of [...secrets, adminToken]) for (const text of haystacks) expect(text.includes(secret), secret).toBe(false);
  }, 90_000);
});
