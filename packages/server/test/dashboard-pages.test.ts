import { parseReplaySpec, summarizeRun } from '@understudy/replay';
import { openStore, type Store } from '@understudy/store';
import { testReplayResult } from '@understudy/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from '../src/create-app.js';
import { type DashboardFixture, dashboardPaths, seedDashboard } from './dashboard-fixture.js';

const reader = 'read-token-0123456789';
const operator = 'operate-token-0123456789';
const page = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'text/html' });

describe('dashboard pages', () => {
  let store: Store;
  let app: ControlPlaneApp;
  let fx: DashboardFixture;

  beforeEach(async () => {
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
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const html = async (path: string, token = reader) => {
    const res = await app.request(path, { headers: page(token) });
    return { status: res.status, text: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
  };

  it('renders every page, escaping captured bodies, under a nonce-only CSP', async () => {
    for (const path of [...dashboardPaths(fx), `/exchanges/${fx.comparisonId}`]) {
      const { status, text, csp } = await html(path);
      expect(status, path).toBe(200);
      expect(text, path).toMatch(/^<!DOCTYPE html>|^<html/);
      // The only <script> is the page's own, carrying this response's nonce.
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? 'missing';
      const scripts = text.match(/<script[^>]*>/g) ?? [];
      expect(scripts, path).toEqual([`<script nonce="${nonce}">`]);
      expect(text, path).not.toMatch(/<img[^>]*onerror/);
      expect(text, path).not.toMatch(/ style="/);
    }
  });

  it("keeps the chosen filters in the list pages' forms", async () => {
    const ex = await html('/exchanges?role=live&method=POST');
    expect(ex.text).toContain('<option value="live" selected="">live</option>');
    expect(ex.text).toContain('<input name="method" value="POST" size="12"/>');
    const cmp = await html('/comparisons?verdict=regression&category=fact&version=v2');
    expect(cmp.text).toContain('<option value="regression" selected="">regression</option>');
    expect(cmp.text).toContain('<option value="fact" selected="">fact</option>');
    expect(cmp.text).toContain('<option value="">any</option>');
    expect(cmp.text).toContain('<input name="version" value="v2" size="12"/>');
  });

  it("follows a list page's Older → link to the next page", async () => {
    for (const list of ['/exchanges?limit=1', '/exchanges?limit=1&method=POST']) {
      const first = await html(list);
      const older = /<a href="([^"]+)">Older →<\/a>/.exec(first.text)?.[1];
      expect(older, list).toBeDefined();
      const next = await html((older ?? '').replaceAll('&amp;', '&'));
      expect(next.status, older).toBe(200);
    }
  });

  it('shows a comparison side by side: both answers, the changed fact, the tool calls and the deltas', async () => {
    const { text } = await html(`/comparisons/${fx.comparisonId}`);
    expect(text).toContain('Changed facts');
    expect(text).toContain('30 days → 14 days');
    expect(text).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(text).toMatch(/<del>[^<]*30[^<]*<\/del>/);
    expect(text).toMatch(/<ins>[^<]*14[^<]*<\/ins>/);
    expect(text).toContain('get_order');
    expect(text).toContain('refund_order');
    expect(text).toContain('+360 ms');
  });

  it('shows a canary with its chart, progress and ledger, and buttons only for an operate token', async () => {
    const read = await html(`/canaries/${fx.canaryId}`);
    expect(read.text).toContain('id="canary-chart"');
    expect(read.text).toContain('class="step-boundary"');
    expect(read.text.match(/class="ledger-row"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(read.text).not.toContain('action-rollback');
    expect(read.text).toContain('actions need an operate token');
    const operate = await html(`/canaries/${fx.canaryId}`, operator);
    expect(operate.text).toContain('id="action-rollback"');
  });

  it('rolls back from the dashboard form with an operate token (actor in the ledger), never with a read token', async () => {
    const form = (token: string) =>
      app.request(`/canaries/${fx.canaryId}/rollback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: new URLSearchParams({ reason: 'wrong facts in shadow' }),
      });
    expect((await form(reader)).status).toBe(403);
    expect((await store.canaries.get(fx.canaryId))?.state).toBe('progressing');
    const done = await form(operator);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/canaries/${fx.canaryId}`);
    expect(await store.canaries.get(fx.canaryId)).toMatchObject({ state: 'rolled_back', reason: 'wrong facts in shadow' });
    const events = await store.canaries.events(fx.canaryId);
    expect(events.at(-1)).toMatchObject({ type: 'rolled_back', actor: 'ops-bot' });
    const after = await html(`/canaries/${fx.canaryId}`);
    expect(after.text).toContain('class="end-marker end-rolled_back"');
  });

  // Two tabs on one canary: one rolls it back, the other (not reloaded) still shows Promote. Its
  // form post used to answer the API's raw JSON at /canaries/:id/promote, a dead end in a browser.
  it('answers a button pressed on a stale canary page with an HTML page naming the conflict and linking back', async () => {
    const press = (action: string) =>
      app.request(`/canaries/${fx.canaryId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}`, accept: 'text/html,application/xhtml+xml' },
        body: new URLSearchParams({}),
      });
    expect((await press('rollback')).status).toBe(303);
    const stale = await press('promote');
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await stale.text();
    expect(text).toContain(`cannot promote canary ${fx.canaryId}: it is rolled_back`);
    expect(text).toContain(`href="/canaries/${fx.canaryId}"`);
    expect((await store.canaries.get(fx.canaryId))?.state).toBe('rolled_back');
    // An API client asking for JSON still gets JSON.
    const api = await app.request(`/canaries/${fx.canaryId}/promote`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, accept: 'application/json' },
    });
    expect(api.status).toBe(409);
    expect(await api.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  // A newcomer's first `understudy control` on a fresh store: the other lists say what to do, the
  // overview's routes table was a header row alone.
  it('says how to get a route when the store has none', async () => {
    const empty = await openStore({ url: ':memory:' });
    const fresh = createApp({ store: empty, tokens: [{ name: 'alice', role: 'read', token: reader }] });
    const res = await fresh.request('/', { headers: page(reader) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('No route yet');
    await fresh.close();
    await empty.close();
  });

  it('answers a missing page with an HTML error for browsers and a bad filter with a 400 naming it', async () => {
    const missing = await html('/comparisons/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('no comparison with id &quot;NOPE&quot;');
    const bad = await html('/comparisons?verdict=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('invalid filter &quot;verdict&quot;');
    expect(bad.text).not.toContain('<script>');
  });
  it("shows a replay run's thresholds the right way round, a rate with what it was taken over", async () => {
    await store.replays.createRun({ id: 'run_few', createdAt: 1_800_000_000_000, spec: {}, target: 'v3', baseline: 'v1', planned: 3 });
    // The summary the replayer itself writes: three judged results, two of them regressions.
    const judged = (exchangeId: string, seq: number, verdict: string) =>
      testReplayResult(exchangeId, seq, { runId: 'run_few', verdict, score: 0.4, scoreOverNoise: 0.4, report: null });
    const results = [judged('A', 0, 'regression'), judged('B', 1, 'regression'), judged('C', 2, 'noise')];
    await store.replays.commitResults('run_few', results, [], 1_800_000_000_500);
    const run = await store.replays.getRun('run_few');
    if (run === undefined) throw new Error('run_few was not stored');
    const spec = parseReplaySpec({ target: 'v3', thresholds: { maxRegressionRate: 0.2, minJudged: 20 } });
    const summary = await summarizeRun(store, run, spec, null);
    await store.replays.updateRun('run_few', { status: 'completed', summary }, 1_800_000_001_000);
    const { status, text } = await html('/replays/run_few');
    expect(status).toBe(200);
    expect(text).toMatch(/<td>maxRegressionRate<\/td>\s*<td class="num">≤ 0\.200<\/td>\s*<td class="num">0\.6667 \(2 of 3 judged\)<\/td>/);
    expect(text).toMatch(/<td>minJudged<\/td>\s*<td class="num">≥ 20<\/td>\s*<td class="num">3<\/td>/);
    expect(text).toContain('<span class="pill v-fail">fail</span>');
  });

  it('marks a run given no threshold as ungated, not as a pass over its regressions (user audit 3)', async () => {
    await store.replays.createRun({ id: 'run_ungated', createdAt: 1_800_000_002_000, spec: {}, target: 'v3', baseline: null, planned: 2 });
    const judged = (exchangeId: string, seq: number, verdict: string) =>
      testReplayResult(exchangeId, seq, { runId: 'run_ungated', verdict, score: 0.4, scoreOverNoise: 0.4, report: null });
    await store.replays.commitResults('run_ungated', [judged('A', 0, 'regression'), judged('B', 1, 'regression')], [], 1_800_000_002_500);
    const run = await store.replays.getRun('run_ungated');
    if (run === undefined) throw new Error('run_ungated was not stored');
    const summary = await summarizeRun(store, run, parseReplaySpec({ target: 'v3' }), null);
    await store.replays.updateRun('run_ungated', { status: 'completed', summary }, 1_800_000_003_000);
    for (const path of ['/replays/run_ungated', '/replays']) {
      const { status, text } = await html(path);
      expect(status).toBe(200);
      expect(text, path).toContain('<span class="pill v-no_gate">no gate</span>');
      expect(text, path).not.toContain('<span class="pill v-match">match</span>');
    }
  });
});
