import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { spawnCli } from './spawn-cli.js';
import { startJsonUpstream, startTapProcess } from './tap-process.js';

const chat = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'agent',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

/**
 * User audit 3: in a scale-out (`understudy tap` with `tap.shadow`, `understudy control`, `canary
 * run`) the tap stored every shadow copy and no process compared them — only `understudy start`
 * ran the shadow worker — so a divergence gate fed by the live shadow held for ever. The control
 * plane now compares them (the worker is idempotent: a shadow is compared once whatever runs it).
 */
describe('the live shadow in a scale-out is compared by understudy control', () => {
  let dir = '';
  let production: Awaited<ReturnType<typeof startJsonUpstream>>;
  let candidate: Awaited<ReturnType<typeof startJsonUpstream>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-shadow-scaleout-'));
    production = await startJsonUpstream(chat('The overdraft fee is $35, waived for premium members.'));
    candidate = await startJsonUpstream(chat('The overdraft fee is $53, waived for premium members.'));
    writeFileSync(
      join(dir, 'understudy.config.json'),
      JSON.stringify({ versions: [{ name: 'candidate', upstream: candidate.url }], tap: { shadow: { version: 'candidate', rate: 1 } } }),
    );
  });
  afterAll(async () => {
    await production.close();
    await candidate.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a comparison for every shadow copy the tap captured', async () => {
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: 'scaleout-token-0123456789' };
    const tap = await startTapProcess(production.url, env, dir);
    const control = spawnCli(['control', '--port', '0', '--log-format', 'json'], env, dir);
    try {
      await eventually(() => (control.stdout().includes('"msg":"control plane listening"') ? true : undefined), 30_000);
      for (let i = 0; i < 5; i++)
        expect(await tap.send('/v1/chat/completions', '{"messages":[{"role":"user","content":"fee?"}]}')).toBe(200);
      const store = await openStore({ url: join(dir, 'u.db') });
      try {
        // The tap stored the five live answers and their five shadow copies.
        await eventually(async () => ((await store.exchanges.count()) >= 10 ? true : undefined), 30_000);
        const compared = await eventually(async () => {
          const rows = await store.shadowComparisons.list({ limit: 100 });
          return rows.length >= 5 ? rows : undefined;
        }, 60_000);
        expect(compared.map((c) => c.verdict)).toEqual(['regression', 'regression', 'regression', 'regression', 'regression']);
      } finally {
        await store.close();
      }
    } finally {
      control.child.kill('SIGTERM');
      tap.cli.child.kill('SIGTERM');
      expect(await control.exit).toBe(0);
      expect(await tap.cli.exit).toBe(0);
    }
  }, 150_000);
});
