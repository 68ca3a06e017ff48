import { createCanaryService } from '@understudy/canary';
import { type Exchange, ManualClock, systemRandom } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from './create-app.js';

const token = 'read-token-0123456789';
const headers = { authorization: `Bearer ${token}` };
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A stored exchange with a small JSON request, as the comparisons point at. */
const exchange = (id: string, over: Partial<Exchange> = {}): Exchange => testExchange(id, { requestBody: testJsonBody({ q: 1 }), ...over });

const factReport = {
  verdict: 'regression',
  noiseApplied: false,
  categories: [
    { name: 'text', score: 0.2, differences: [] },
    { name: 'fact', score: 1, differences: [{ kind: 'value_change', path: 'refund_days', original: '30', candidate: '7' }] },
  ],
};

describe('/api/comparisons', () => {
  let store: Store;
  let app: ControlPlaneApp;
  const get = async (path: string) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const ids = async (query: string) => ((await get(`/api/comparisons?${query}`)).body.items as { id: string }[]).map((c) => c.id);

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, tokens: [{ name: 'viewer', role: 'read', token }], clock: new ManualClock(100) });
    await store.exchanges.insertMany([
      exchange('L1', { responseBody: { bytes: utf8('{"answer":"30 days"}'), size: 20, truncated: false } }),
      exchange('S1', {
        role: 'shadow',
        parentId: 'L1',
        version: 'v3',
        responseBody: { bytes: utf8('{"answer":"7 days"}'), size: 19, truncated: false },
      }),
      exchange('S2', { role: 'shadow', parentId: 'L1', version: 'v2' }),
      exchange('B1', { role: 'replay', parentId: 'L1', version: 'stable' }),
    ]);
    await store.shadowComparisons.insertMany([
      {
        exchangeId: 'S1',
        parentId: 'L1',
        endpoint: 'POST /v1/chat/completions',
        verdict: 'regression',
        score: 0.9,
        scoreOverNoise: 0.9,
        report: factReport,
        createdAt: 50,
      },
      {
        exchangeId: 'S2',
        parentId: 'L1',
        endpoint: 'POST /v1/chat/completions',
        verdict: 'match',
        score: 0,
        scoreOverNoise: 0,
        report: null,
        createdAt: 40,
      },
    ]);
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('lists live-shadow comparisons with filters and pages by cursor', async () => {
    expect(await ids('')).toEqual(['S1', 'S2']);
    expect(await ids('verdict=regression')).toEqual(['S1']);
    expect(await ids('category=fact')).toEqual(['S1']);
    expect(await ids('version=v2&source=shadow')).toEqual(['S2']);
    expect(await ids('source=replay')).toEqual([]);
    expect(await ids('since=45')).toEqual(['S1']);
    const first = await get('/api/comparisons?limit=1');
    expect((first.body.items as { id: string; report?: unknown }[])[0]).toMatchObject({ id: 'S1', source: 'shadow', originalId: 'L1' });
    expect((first.body.items as object[])[0]).not.toHaveProperty('report');
    expect(await ids(`limit=1&cursor=${String(first.body.nextCursor)}`)).toEqual(['S2']);
  });

  it('narrows to a canary: its candidate version while it lived', async () => {
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v3', upstream: 'http://127.0.0.1:2', headers: {} });
    const service = createCanaryService({ store, clock: new ManualClock(45), random: systemRandom });
    const canary = await service.create({ candidate: 'v3' }, 'test');
    expect(await ids(`canary=${canary.id}`)).toEqual(['S1']);
    const unknown = await get('/api/comparisons?canary=NOPE');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { code: 'invalid_input', message: 'invalid filter "canary": no canary with id "NOPE"' } });
  });

  // As the canary filter already did: a run id that names no run is a typo, not an empty run.
  it('answers a run filter naming no replay run with a 400, like the canary filter', async () => {
    const unknown = await get('/api/comparisons?run=NOPE');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { code: 'invalid_input', message: 'invalid filter "run": no replay run with id "NOPE"' } });
    await store.replays.createRun({ id: 'R1', createdAt: 1, spec: {}, target: 'v2', baseline: null, planned: 0 });
    expect(await ids('run=R1')).toEqual([]);
  });

  it('rejects a bad filter with a 400 naming it', async () => {
    for (const [query, name] of [
      ['verdict=bad', 'verdict'],
      ['source=tap', 'source'],
      ['since=yesterday', 'since'],
      ['limit=9999', 'limit'],
      ['category=Not-A-Category', 'category'],
      ['colour=red', 'colour'],
      ['cursor=%%%', 'cursor'],
    ] as const) {
      const res = await get(`/api/comparisons?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body.error as { code: string }).code).toBe('invalid_input');
      expect((res.body.error as { message: string }).message).toContain(`"${name}"`);
    }
  });

  it('shows one comparison with both exchanges, its baselines and the full report', async () => {
    const { status, body } = await get('/api/comparisons/S1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'S1',
      source: 'shadow',
      verdict: 'regression',
      report: factReport,
      original: { id: 'L1', responseBody: { text: '{"answer":"30 days"}' } },
      candidate: { id: 'S1', version: 'v3', responseBody: { text: '{"answer":"7 days"}' } },
      baselines: { exchange: null, report: null, noiseApplied: false },
      run: null,
      toolCalls: { original: [], candidate: [] },
    });
    const missing = await get('/api/comparisons/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'no comparison with id "NOPE"' } });
  });

  it('lists the exchanges made from one (?parent=)', async () => {
    const res = await get('/api/exchanges?parent=L1');
    expect((res.body.items as { id: string }[]).map((e) => e.id)).toEqual(['S2', 'S1', 'B1']);
    expect((await get('/api/exchanges?parent=bad!')).status).toBe(400);
  });
});
