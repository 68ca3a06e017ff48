import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { openStore, type Store } from '@understudy/store';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from '../src/create-app.js';
import { type DashboardFixture, dashboardPaths, seedComparison, seedDashboard } from './dashboard-fixture.js';

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

  // User audit 3: the fact evidence of an answer quoting `window.__x` showed `window. x` (the
  // engine quoted its own reading of the clause, markdown emphasis taken out).
  it('shows fact evidence as the answer wrote it, as text', async () => {
    const id = await seedComparison(
      store,
      { live: '01LIVE0000000000000000000B', shadow: '01SHADOW00000000000000000B' },
      {
        live: 'You can return any item within 30 days of delivery.',
        shadow:
          'You can return any item within 30 days of delivery. Set window.__x to 1 to extend it by **30 days** <script>window.__evidence = 1</script>.',
      },
    );
    const page = await newPage();
    await page.goto(`${base}/login?next=${encodeURIComponent(`/comparisons/${id}`)}#token=${reader}`);
    await page.waitForURL(`${base}/comparisons/${id}`);
    const facts = await page.locator('#changed-facts').innerText();
    expect(facts).toContain('Set window.__x to 1 to extend it by **30 days** <script>window.__evidence = 1</script>');
    expect(facts).not.toContain('window. x');
    expect(await page.evaluate('window.__evidence')).toBeUndefined();
    expect(await page.locator('#changed-facts script').count()).toBe(0);
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

  // Found by the new-user walk: every page load asked for /favicon.ico, answered 404 (401
  // before sign-in), and Chromium logged "Failed to load resource" on each page.
  it('logs no console error, page error or failed request on any page, signed in or not', async () => {
    // A context without request interception: under it Chromium asks for no favicon at all.
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${base}/login`);
    await page.fill('#token', reader);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/`);
    for (const path of dashboardPaths(fx)) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect(await page.title(), path).toMatch(/· Understudy$/);
      // The page names its icon, and the icon is there (Chromium asks for it after the load).
      const icon = await page.evaluate(
        'fetch(document.querySelector(\'link[rel="icon"]\').href).then((r) => r.status + " " + r.headers.get("content-type"))',
      );
      expect(icon, path).toBe('200 image/svg+xml');
    }
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  // A phone, or a window beside an editor: at 360 px the nav's last links and every table's right
  // columns were off screen, reachable only by scrolling the whole page sideways.
  it('fits a 360 px window: no page scrolls sideways and every nav link is on screen', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/login#token=${reader}`);
    await page.waitForURL(`${base}/`);
    const wide: string[] = [];
    for (const path of dashboardPaths(fx)) {
      await page.goto(`${base}${path}`);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      if (Number(overflow) > 0) wide.push(`${path}: ${overflow} px too wide`);
      const offscreen = await page.evaluate(
        '[...document.querySelectorAll("header a, header button")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => e.textContent.trim())',
      );
      if ((offscreen as string[]).length > 0) wide.push(`${path}: off screen ${(offscreen as string[]).join(', ')}`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('never asked for anything outside loopback', () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(escaped).toEqual([]);
    for (const url of requested) expect(new URL(url).hostname).toBe('127.0.0.1');
  });
});
