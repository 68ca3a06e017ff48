import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { openStore, type Store } from '@understudy/store';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from '../src/create-app.js';
import { type DashboardFixture, seedDashboard } from './dashboard-fixture.js';

/** Debian's `chromium` (`.ci/run` installs it when missing). */
const chromiumPath = '/usr/bin/chromium';
const reader = 'read-token-0123456789';
const operator = 'operate-token-0123456789';

describe.skipIf(!existsSync(chromiumPath) && process.env.UNDERSTUDY_REQUIRE_CHROMIUM !== '1')('dashboard in real Chromium', () => {
  let store: Store;
  let app: ControlPlaneApp;
  let server: ServerType;
  let base: string;
  let browser: Browser;
  let fx: DashboardFixture;
  /** Every URL the browser asked for, and the ones that would have left loopback. */
  const requested: string[] = [];
  const escaped: string[] = [];

  beforeAll(async () => {
    store = await openStore({ url: ':memory:' });
    fx = await seedDashboard(store);
    app = createApp({
      store,
      clock: fx.clock,
      tokens: [
        { name: 'alice', role: 'read', token: reader },
        { name: 'ops-bot', role: 'operate', token: operator },
      ],
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await app?.close();
    await store?.close();
  });

  /** A fresh context that records every request and aborts any that would leave 127.0.0.1. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      requested.push(url.href);
      if (url.hostname !== '127.0.0.1') {
        escaped.push(url.href);
        await route.abort();
        return;
      }
      await route.continue();
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  it('signs in from the printed link, shows both answers and the changed fact, and runs no captured script', async () => {
    const page = await newPage();
    // The link `understudy start` prints: the token rides in the fragment, which never reaches the server.
    await page.goto(`${base}/login?next=${encodeURIComponent(`/comparisons/${fx.comparisonId}`)}#token=${reader}`);
    await page.waitForURL(`${base}/comparisons/${fx.comparisonId}`);
    const original = await page.locator('[data-side="original"] .answer').innerText();
    const candidate = await page.locator('[data-side="candidate"] .answer').innerText();
    expect(original).toContain('within 30 days of delivery');
    expect(candidate).toContain('up to 14 days after they arrive');
    // The hostile payload is on screen as text, and nothing of it ran.
    expect(original).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('#changed-facts').innerText()).toContain('30 days → 14 days');
    await expect.poll(() => page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    // The same for the raw exchange page, where the body is shown as captured.
    await page.goto(`${base}/exchanges/${fx.liveId}`);
    expect(await page.locator('pre.body').first().innerText()).toContain('onerror=');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    await page.context().close();
  }, 60_000);

  it('shows the canary chart and ledger; a read token has no buttons; an operate token rolls back and the page shows it', async () => {
    const reading = await newPage();
    await reading.goto(`${base}/canaries/${fx.canaryId}`);
    await reading.waitForURL(/\/login\?next=/);
    await reading.fill('#token', reader);
    await reading.click('button[type="submit"]');
    await reading.waitForURL(`${base}/canaries/${fx.canaryId}`);
    expect(await reading.locator('#canary-chart').isVisible()).toBe(true);
    expect(await reading.locator('#canary-chart .step-boundary').count()).toBeGreaterThanOrEqual(1);
    expect(await reading.locator('tr.ledger-row').count()).toBeGreaterThanOrEqual(3);
    expect(await reading.locator('#action-rollback').count()).toBe(0);
    await reading.context().close();

    const operating = await newPage();
    await operating.goto(`${base}/login?next=${encodeURIComponent(`/canaries/${fx.canaryId}`)}`);
    await operating.fill('#token', operator);
    await operating.click('button[type="submit"]');
    await operating.waitForURL(`${base}/canaries/${fx.canaryId}`);
    expect(await operating.locator('#canary-state').innerText()).toBe('progressing');
    await operating.click('#action-rollback');
    await operating.waitForURL(`${base}/canaries/${fx.canaryId}`);
    await expect.poll(() => operating.locator('#canary-state').innerText()).toBe('rolled back');
    expect(await operating.locator('tr.ledger-row[data-type="rolled_back"]').innerText()).toContain('ops-bot');
    expect(await operating.locator('#canary-chart .end-rolled_back').count()).toBe(1);
    expect((await store.canaries.get(fx.canaryId))?.state).toBe('rolled_back');
    await operating.context().close();
  }, 60_000);

  it('never asked for anything outside loopback', () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(escaped).toEqual([]);
    for (const url of requested) expect(new URL(url).hostname).toBe('127.0.0.1');
  });
});
