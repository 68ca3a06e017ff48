import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type CompareExtension, canonicalize, compareResponses, type DivergenceReport } from '@understudy/compare';
import { ManualClock, parseConfig, seededRandom } from '@understudy/core';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import { createShadowMetrics, createTap, storeSink } from '@understudy/tap';
import { describe, expect, it } from 'vitest';
import { createComparePool } from '../src/compare-pool.js';
import { createShadowWorker } from '../src/shadow-worker.js';
import { customerRequest, demoAgent, tempStore } from './support.js';

describe('live shadow through the tap, compared by the worker', () => {
  it('shadows live traffic to a regressed candidate, compares each pair once, and counts verdicts', async () => {
    const { store } = await tempStore();
    const production = await demoAgent('good', 1);
    const candidate = await demoAgent('regressed', 2);
    const config = parseConfig({ tap: { shadow: { rate: 1, key: 'json:$.messages[0].content' }, capture: { flushIntervalMs: 5 } } });
    const tap = createTap({
      config: config.tap,
      version: { name: 'stable', upstream: production.url, headers: {} },
      shadowVersion: { name: 'candidate', upstream: candidate.url, headers: {} },
      sink: storeSink(store),
      redactionKey: 'shadow-worker-test-key-0123456789',
      random: seededRandom(5),
    });
    const server = serve({ fetch: tap.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const n = 60;
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(customerRequest(i)),
      });
      // The client always gets production's answer: the good agent never fails.
      expect(res.status).toBe(200);
      expect(res.headers.get('x-understudy-version')).toBe('stable');
      await res.arrayBuffer();
    }
    // Closing the tap waits for in-flight shadow copies and flushes every capture.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((r) => server.close(() => r()));
    await tap.close();
    expect(await store.scan.count({ role: 'shadow' })).toBe(n);

    const metrics = createShadowMetrics(tap.registry);
    const clock = new ManualClock(Date.now());
    // On compare threads, as `understudy start` runs it: each stored verdict is the one compareResponses gives.
    const comparePool = createComparePool({ threads: 2 });
    const worker = createShadowWorker({ store, clock, onComparison: (v) => metrics.comparison(v), batchSize: 25, comparePool });
    expect(await worker.tick()).toBe(n);
    expect(await worker.tick()).toBe(0);
    expect(comparePool.threads).toBeGreaterThan(0);
    await comparePool.close();
    const rows = await store.shadowComparisons.list({ limit: 1000 });
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      const [shadow, parent] = await Promise.all([store.exchanges.get(r.exchangeId), store.exchanges.get(r.parentId)]);
      if (shadow === undefined || parent === undefined) throw new Error(`missing exchanges of ${r.exchangeId}`);
      const inline = compareResponses(canonicalize(shadow), canonicalize(parent), { endpoint: r.endpoint, noise: null });
      expect([r.verdict, r.score]).toEqual([inline.verdict, inline.score]);
    }
    const verdicts: Record<string, number> = {};
    for (const r of rows) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
    expect(verdicts.regression ?? 0).toBeGreaterThan(5);
    const text = await tap.registry.metrics();
    expect(text).toContain(`understudy_shadow_comparisons_total{verdict="regression"} ${verdicts.regression}`);
    expect(text).toContain(`understudy_shadow_mirrored_total ${n}`);

    // start/stop polls on the injected clock.
    worker.start();
    clock.advance(1_000);
    await worker.stop();
    await Promise.all([production.close(), candidate.close(), store.close()]);
  });
});

describe('second opinions on live shadow comparisons', () => {
  const answer = testJsonBody({
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Orders ship in two days.' } }],
  });
  const pair = (n: number) => [
    testExchange(`01PARENT${n}`, { responseHeaders: { 'content-type': 'application/json' }, responseBody: answer }),
    testExchange(`01SHADOW${n}`, {
      role: 'shadow',
      version: 'candidate',
      parentId: `01PARENT${n}`,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: answer,
    }),
  ];

  it('records a failing second opinion on its pair and still asks the next one; the rules decide the verdict', async () => {
    const { store } = await tempStore();
    await store.exchanges.insertMany([...pair(1), ...pair(2)]);
    const failing: CompareExtension = {
      compare: () => Promise.reject(new Error('judge endpoint answered 500')),
    };
    const asked: string[] = [];
    const second: CompareExtension = {
      compare: (candidate) => {
        asked.push(candidate.text);
        return { score: 0, categories: [{ label: 'llm_judge', score: 0, message: 'llm judge: same' }] };
      },
    };
    const worker = createShadowWorker({ store, clock: new ManualClock(10_000), extensions: [failing, second] });
    expect(await worker.tick()).toBe(2);
    const rows = await store.shadowComparisons.list({ limit: 10 });
    expect(rows.map((r) => r.verdict)).toEqual(['match', 'match']);
    for (const r of rows) {
      const report = (await store.shadowComparisons.get(r.exchangeId))?.report as DivergenceReport;
      expect(report.extensionError).toBe('judge endpoint answered 500');
      expect(report.categories.some((c) => c.label === 'llm_judge')).toBe(true);
    }
    expect(asked).toEqual(['Orders ship in two days.', 'Orders ship in two days.']);
    await store.close();
  });

  it('stopping while a second opinion is in flight stores nothing of that page; the next worker compares it whole', async () => {
    const { store } = await tempStore();
    await store.exchanges.insertMany(pair(1));
    const clock = new ManualClock(10_000);
    let calledBack: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      calledBack = resolve;
    });
    // A judge that answers only when given up on (its signal aborts).
    const waiting: CompareExtension = {
      compare: (_c, _o, context) =>
        new Promise((_resolve, reject) => {
          calledBack();
          context.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
    };
    const worker = createShadowWorker({ store, clock, extensions: [waiting], intervalMs: 100 });
    worker.start();
    clock.advance(100);
    await called;
    await worker.stop();
    expect(await store.shadowComparisons.list({ limit: 10 })).toHaveLength(0);
    const next = createShadowWorker({ store, clock });
    expect(await next.tick()).toBe(1);
    expect((await store.shadowComparisons.list({ limit: 10 }))[0]?.verdict).toBe('match');
    await store.close();
  });
});
