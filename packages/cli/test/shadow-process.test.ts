import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { seededRandom } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { startUnderstudy } from './start-process.js';

const token = 'shadow-process-test-token';

function agent(variant: 'good' | 'regressed', seed: number): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const s = serve(
      { fetch: createDemoAgentApp({ variant, random: seededRandom(seed) }).fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((r) => s.close(() => r())) }),
    );
  });
}

describe('understudy start with a live shadow', () => {
  let good: { url: string; close: () => Promise<void> };
  let regressed: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    good = await agent('good', 1);
    regressed = await agent('regressed', 2);
  });
  afterAll(async () => {
    await Promise.all([good.close(), regressed.close()]);
  });

  it('mirrors to the candidate, compares in-process, and shows shadow health in /metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-cli-shadow-'));
    writeFileSync(
      join(dir, 'understudy.config.json'),
      JSON.stringify({
        versions: [{ name: 'candidate', upstream: regressed.url }],
        tap: { shadow: { version: 'candidate', rate: 1, key: 'header:x-session' } },
      }),
    );
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    const { cli, tapUrl, controlUrl } = await startUnderstudy(['--upstream', good.url], env, dir);
    const child = cli.child;
    try {
      for (let i = 0; i < 30; i++) {
        const res = await request(`${tapUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-session': `s-${i % 5}` },
          body: JSON.stringify({
            messages: [{ role: 'user', content: `Please refund $20 for order #${40000 + i}` }],
            tools: [{ type: 'function', function: { name: 'refund_order' } }],
          }),
        });
        // Production (the good agent) answers every client; the regressed candidate never shows.
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-understudy-version']).toBe('stable');
        await res.body.dump();
      }
      const metrics = await eventually(async () => {
        const res = await request(`${controlUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
        const text = await res.body.text();
        const compared = [...text.matchAll(/understudy_shadow_comparisons_total\{verdict="\w+"\} (\d+)/g)].reduce(
          (n, m) => n + Number(m[1]),
          0,
        );
        return compared === 30 ? text : undefined;
      }, 20_000);
      expect(metrics).toContain('understudy_shadow_mirrored_total 30');
      expect(metrics).toMatch(/understudy_shadow_comparisons_total\{verdict="regression"\} [1-9]/);
      child.kill('SIGTERM');
      expect(await cli.exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
