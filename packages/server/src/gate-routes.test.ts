import { ManualClock } from '@understudy/core';
import { openStore, type ReplayResultRecord, type Store } from '@understudy/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gateNow, seedGateEvidence as seed } from '../test/gate-evidence.js';
import { createApp } from './create-app.js';

const token = 'gate-admin-token-123';
const now = gateNow;

describe('/api/gates: verdicts for Argo Rollouts and Flagger', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, adminToken: token, clock: new ManualClock(now) });
  });
  afterEach(async () => {
    await store.close();
  });

  // As Argo Rollouts' web provider sends it: GET, the AnalysisTemplate's headers, no body.
  const argo = (path: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
    app.request(`/api/gates/versions/${path}`, { method: 'GET', headers: { 'Content-Type': 'application/json', ...headers } });
  // As Flagger's webhook sends it: POST with a JSON CanaryWebhookPayload and no custom headers.
  const flagger = (metadata: Record<string, string>, name = 'podinfo') =>
    app.request('/api/gates/flagger', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, namespace: 'test', phase: 'Progressing', checksum: '6d5c4b', metadata }),
    });
  // As Flagger's Prometheus provider queries: GET ./api/v1/query?query=…, the secret's username/password as basic auth.
  const prometheus = (query: string, password = token) =>
    app.request(`/api/gates/prometheus/api/v1/query?query=${encodeURIComponent(query)}`, {
      headers: { Authorization: `Basic ${Buffer.from(`flagger:${password}`).toString('base64')}` },
    });

  it('Argo web provider: pass on a clean candidate, fail on one diverging beyond noise, inconclusive on too little data', async () => {
    await seed(store, { version: 'good', n: 500, regressions: 5 });
    await seed(store, { version: 'bad', n: 200, regressions: 60 });
    await seed(store, { version: 'young', n: 5, regressions: 0 });

    const good = await argo('good?window=10m');
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({
      version: 'good',
      stable: 'stable',
      verdict: 'pass',
      pass: true,
      divergence: { source: 'shadow+replay', compared: 500, beyondNoise: 5, rate: 0.01 },
      errorRate: { candidate: 0, stable: 0, nCandidate: 500 },
      regressions: 5,
    });

    const bad = (await (await argo('bad?window=10m')).json()) as {
      verdict: string;
      pass: boolean;
      checks: { name: string; outcome: string }[];
      reason: string;
    };
    expect(bad).toMatchObject({ verdict: 'fail', pass: false });
    expect(bad.checks.find((c) => c.name === 'divergence')?.outcome).toBe('fail');
    expect(bad.reason).toMatch(/^divergence: /);

    expect(await (await argo('young')).json()).toMatchObject({ verdict: 'inconclusive', pass: false, divergence: { compared: 5 } });
    // Outside the window nothing counts.
    expect(await (await argo('good?window=10s')).json()).toMatchObject({
      verdict: 'inconclusive',
      divergence: { compared: 0, rate: null },
    });
  });

  it('judges the error rate against stable and an optional regression count', async () => {
    await seed(store, { version: 'flaky', n: 300, regressions: 0, candidateErrors: 60 });
    const flaky = (await (await argo('flaky')).json()) as {
      verdict: string;
      errorRate: { candidate: number };
      checks: { name: string; outcome: string }[];
    };
    expect(flaky.verdict).toBe('fail');
    expect(flaky.errorRate.candidate).toBeCloseTo(0.2, 9);
    expect(flaky.checks.find((c) => c.name === 'error_rate')?.outcome).toBe('fail');

    await seed(store, { version: 'strict', n: 500, regressions: 1 });
    expect(await (await argo('strict?maxRegressions=0')).json()).toMatchObject({ verdict: 'fail', regressions: 1 });
    expect(await (await argo('strict?maxRegressions=1')).json()).toMatchObject({ verdict: 'pass' });
    // A rate over the judged comparisons: 1 of 500 is 0.002; too few comparisons hold.
    expect(await (await argo('strict?maxRegressionRate=0.001')).json()).toMatchObject({ verdict: 'fail' });
    expect(await (await argo('strict?maxRegressionRate=0.01')).json()).toMatchObject({ verdict: 'pass' });
    await seed(store, { version: 'young', n: 5, regressions: 0 }); // this test once asked for it unseeded, and got a verdict
    expect(await (await argo('young?maxRegressionRate=0.5')).json()).toMatchObject({ verdict: 'inconclusive' });
    const badRate = await argo('strict?maxRegressionRate=2');
    expect(badRate.status).toBe(400);
  });

  it('judges one replay run when asked', async () => {
    await seed(store, { version: 'v3', n: 500, regressions: 0 });
    await store.replays.createRun({ id: 'RUN1', createdAt: now, spec: {}, target: 'v3', baseline: null, planned: 100 });
    const results: ReplayResultRecord[] = Array.from({ length: 100 }, (_, i) => ({
      runId: 'RUN1',
      exchangeId: `EXR${i}`,
      seq: i,
      endpoint: 'POST /v1/chat/completions',
      candidateId: null,
      baselineId: null,
      verdict: i < 50 ? 'regression' : 'match',
      score: 0,
      scoreOverNoise: 0,
      originalStatus: 200,
      candidateStatus: 200,
      originalMs: 1,
      candidateMs: 1,
      originalTokens: null,
      candidateTokens: null,
      originalCost: null,
      candidateCost: null,
      attempts: 1,
      errorCode: null,
      errorMessage: null,
      report: null,
      baselineReport: null,
      completedAt: now - 1_000_000_000,
    }));
    await store.replays.commitResults('RUN1', results, [], now);
    expect(await (await argo('v3?run=RUN1')).json()).toMatchObject({
      verdict: 'fail',
      divergence: { source: 'replay:RUN1', compared: 100, beyondNoise: 50, rate: 0.5 },
    });
    const other = await argo('stable?run=RUN1');
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({ error: { code: 'invalid_input', message: 'run: replay run RUN1 targeted "v3", not "stable"' } });
    expect((await argo('v3?run=NOPE')).status).toBe(404);
  });

  it('Flagger webhook: 200 to advance, 412 to halt, token in the metadata', async () => {
    await seed(store, { version: 'podinfo', n: 500, regressions: 1 });
    await seed(store, { version: 'v2', n: 200, regressions: 80 });
    const pass = await flagger({ token, window: '10m' });
    expect(pass.status).toBe(200);
    expect(await pass.json()).toMatchObject({
      version: 'podinfo',
      verdict: 'pass',
      canary: { name: 'podinfo', namespace: 'test', phase: 'Progressing' },
    });
    const fail = await flagger({ token, version: 'v2' }, 'podinfo');
    expect(fail.status).toBe(412);
    expect(await fail.json()).toMatchObject({ version: 'v2', verdict: 'fail' });
    // Too little evidence halts advancement by default; onInconclusive=pass lets it through.
    await seed(store, { version: 'new', n: 3, regressions: 0 });
    expect((await flagger({ token, version: 'new' })).status).toBe(412);
    expect((await flagger({ token, version: 'new', onInconclusive: 'pass' })).status).toBe(200);
    // A bad key is named; the token never reaches the gate query.
    const bad = await flagger({ token, maxDivergence: 'lots' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^maxDivergence: /);
  });

  it('Flagger MetricTemplate (prometheus provider): vector(1) online check and gate figures', async () => {
    await seed(store, { version: 'v2', n: 500, regressions: 10 });
    const online = await prometheus('vector(1)');
    expect(online.status).toBe(200);
    expect(await online.json()).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [now / 1000, '1'] }] },
    });
    const rate = (await (await prometheus('understudy_gate_divergence_rate{version="v2", window="10m"}')).json()) as {
      data: { result: { value: [number, string] }[] };
    };
    expect(Number(rate.data.result[0]?.value[1])).toBeCloseTo(0.02, 9);
    expect(await (await prometheus('understudy_gate_pass{version="v2"}')).json()).toMatchObject({
      data: { result: [{ value: [now / 1000, '1'] }] },
    });
    // No data: an empty vector, which Flagger counts as a failed check.
    expect(await (await prometheus('understudy_gate_error_rate{version="ghost"}')).json()).toMatchObject({ data: { result: [] } });
    const wrong = await prometheus('sum(rate(http_requests_total[1m]))');
    expect(wrong.status).toBe(400);
  });

  it('answers a version nobody registered or served with a typed 404, not a verdict (user audit 3)', async () => {
    await seed(store, { version: 'v2', n: 500, regressions: 0 });
    // Known from traffic only (an import, a tap's --upstream): no registry row, still a version.
    const served = await argo('v2?window=10m');
    expect(served.status).toBe(200);
    await store.versions.upsert({ name: 'fresh', upstream: 'http://127.0.0.1:9', headers: {} });
    expect(await (await argo('fresh')).json()).toMatchObject({ verdict: 'inconclusive' }); // registered, no traffic yet

    const typo = await argo('v2-typo?window=10m');
    expect(typo.status).toBe(404);
    expect(await typo.json()).toEqual({
      error: { code: 'not_found', message: 'no version named "v2-typo": not registered, never served, shadowed or replayed against' },
    });
    const stableTypo = await argo('v2?stable=stabel');
    expect(stableTypo.status).toBe(404);
    expect(((await stableTypo.json()) as { error: { message: string } }).error.message).toMatch(/^stable: no version named "stabel"/);
    // Flagger: a typo must not pass through onInconclusive=pass; 404 halts it like any non-2xx.
    const webhook = await flagger({ token, version: 'v2-typo', onInconclusive: 'pass' });
    expect(webhook.status).toBe(404);
    expect(await webhook.json()).toMatchObject({ error: { code: 'not_found' } });
    // Prometheus answers a series it does not have with no sample (a failed check for Flagger),
    // never with a figure: 0 regressions of a typo would pass `understudy_gate_regressions <= 0`.
    for (const figure of ['pass', 'regressions', 'divergence_rate', 'error_rate']) {
      const answer = await prometheus(`understudy_gate_${figure}{version="v2-typo"}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ status: 'success', data: { result: [] } });
    }
    expect(await (await prometheus('understudy_gate_regressions{version="v2", window="10m"}')).json()).toMatchObject({
      data: { result: [{ value: [now / 1000, '0'] }] },
    });
  });

  it('refuses a missing or wrong token on every gate, and tells nothing without one', async () => {
    await seed(store, { version: 'v2', n: 50, regressions: 0 });
    expect((await argo('v2', {})).status).toBe(401);
    expect((await argo('v2', { Authorization: 'Bearer wrong-token-000' })).status).toBe(401);
    expect((await flagger({ version: 'v2' })).status).toBe(401);
    expect((await flagger({ version: 'v2', token: 'wrong-token-000' })).status).toBe(401);
    expect((await prometheus('vector(1)', 'wrong-token-000')).status).toBe(401);
    expect((await app.request('/api/gates/prometheus/api/v1/query?query=vector(1)')).status).toBe(401);
    const garbage = await app.request('/api/gates/flagger', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(garbage.status).toBe(400);
    // A bearer header works for the webhook too (Flagger behind a proxy that adds it).
    const viaHeader = await app.request('/api/gates/flagger', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'v2', namespace: 'test', phase: 'Progressing' }),
    });
    // 50 requests per arm leave the error-rate bound undecided: inconclusive, which halts Flagger.
    expect(viaHeader.status).toBe(412);
    expect(await viaHeader.json()).toMatchObject({ verdict: 'inconclusive' });
  });
});
