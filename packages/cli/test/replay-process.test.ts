import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { seededRandom } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-cli.js';

const fixtures = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/fixtures');

describe('understudy replay as a real process', () => {
  let agent: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    agent = await new Promise((done) => {
      const s = serve(
        { fetch: createDemoAgentApp({ variant: 'good', random: seededRandom(9) }).fetch, hostname: '127.0.0.1', port: 0 },
        (info: AddressInfo) => done({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((r) => s.close(() => r())) }),
      );
    });
  });
  afterAll(async () => {
    await agent.close();
  });

  it('defect 5: runs to completion while it waits on pacing and on retry backoffs, and refuses an unknown --resume before starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-replay-proc-'));
    const env = { UNDERSTUDY_DB: join(dir, 'u.db') };
    expect((await runCli(['import', join(fixtures, 'demo-agent.jsonl')], env, dir)).code).toBe(0);

    // --rate paces with clock timers, which are unref'd: the process must not end while it waits.
    const paced = await runCli(['replay', '--target', agent.url, '--rate', '20', '--json'], env, dir);
    expect(paced.stderr).toBe('');
    expect(paced.code).toBe(0);
    expect(JSON.parse(paced.stdout)).toMatchObject({ done: 10, passed: true });

    // An unreachable target: every item waits on retry backoffs, then counts as an error.
    const down = await runCli(
      ['replay', '--target', 'http://127.0.0.1:9', '--retries', '1', '--limit', '2', '--max-error-rate', '0', '--json'],
      env,
      dir,
    );
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout)).toMatchObject({ done: 2 });

    const unknown = await runCli(['replay', '--resume', 'NOPE'], env, dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('understudy replay: --resume: no replay run NOPE\n');
    expect(unknown.stdout).toBe('');
  }, 120_000);
});
