/**
 * Screenshots of every dashboard page over the database `understudy demo --keep` left behind:
 *   node --conditions=source --import tsx packages/cli/src/main.ts demo --keep
 *   node --conditions=source --import tsx docs/screenshots/take-screenshots.ts /tmp/understudy-demo-…/demo.db
 * Debian's chromium through playwright-core, as the dashboard tests use it.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '@understudy/server';
import { openStore } from '@understudy/store';
import { chromium } from 'playwright-core';

const db = process.argv[2];
if (db === undefined) throw new Error('usage: take-screenshots.ts DB_FILE');
const out = join(import.meta.dirname);
const token = 'screenshot-token-0123456789';
const store = await openStore({ url: db });
const app = createApp({ store, tokens: [{ name: 'ops-bot', role: 'operate', token }] });
const server = await new Promise<ServerType>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(`${base}/login`);
  await page.screenshot({ path: join(out, 'login.png') });
  await page.fill('#token', token);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${base}/`);
  const canaries = await store.canaries.list({});
  const v3 = canaries.find((c) => c.candidate === 'v3');
  const v2 = canaries.find((c) => c.candidate === 'v2');
  const runs = await store.replays.listRuns();
  // A comparison whose fact category names a changed value (30 days → 14 days), the demo's point.
  const candidates = (await store.comparisons.list({ source: 'shadow', category: 'fact', verdict: 'regression' }, { limit: 200 })).items;
  let regression = candidates[0];
  for (const c of candidates) {
    const full = await store.comparisons.get(c.id);
    if (JSON.stringify(full?.report ?? null).includes('"fact_changed"')) {
      regression = c;
      break;
    }
  }
  const live = (await store.exchanges.list({ role: 'live', path: '/v1/chat/completions' }, { limit: 20 })).items.find((e) => e.streamed);
  const shots: [string, string][] = [
    ['overview', '/'],
    ['comparisons', '/comparisons?verdict=regression'],
    ['comparison', `/comparisons/${regression?.id ?? ''}`],
    ['replays', '/replays'],
    ['replay', `/replays/${runs.find((r) => r.target === 'v3')?.id ?? ''}`],
    ['canaries', '/canaries'],
    ['canary-rolled-back', `/canaries/${v3?.id ?? ''}`],
    ['canary-promoted', `/canaries/${v2?.id ?? ''}`],
    ['exchanges', '/exchanges'],
    ['exchange', `/exchanges/${live?.id ?? ''}`],
  ];
  for (const [name, path] of shots) {
    await page.goto(`${base}${path}`);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: name.startsWith('comparison') || name.startsWith('canary-') });
    process.stdout.write(`${name}.png ← ${path}\n`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
  await store.close();
}
