import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComparePool } from '../src/compare-pool.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, type Running, recordTraffic, tempStore } from './support.js';

describe('replay against real demo agents', () => {
  let good: Running;
  let goodBaseline: Running;
  let regressed: Running;
  beforeAll(async () => {
    [good, goodBaseline, regressed] = await Promise.all([demoAgent('good', 1), demoAgent('good', 2), demoAgent('regressed', 3)]);
  });
  afterAll(async () => {
    await Promise.all([good.close(), goodBaseline.close(), regressed.close()]);
  });

  /** A store holding `n` exchanges recorded from production (a good agent), and the baseline version. */
  async function recordedStore(n: number) {
    const { store } = await tempStore();
    const production = await demoAgent('good', 7);
    await store.exchanges.insertMany(await recordTraffic(production.url, n));
    await production.close();
    await store.versions.upsert({ name: 'baseline', upstream: goodBaseline.url, headers: {} });
    return store;
  }

  it('passes a good candidate and fails a regressed one, with a baseline noise floor', async () => {
    const store = await recordedStore(60);
    await store.versions.upsert({ name: 'good', upstream: good.url, headers: { 'x-prompt-version': '13' } });
    await store.versions.upsert({ name: 'regressed', upstream: regressed.url, headers: { authorization: 'Bearer sk-candidate-key' } });
    const replayer = createReplayer({ store });

    const pass = await replayer.create({ target: 'good', baseline: 'baseline', thresholds: { maxRegressions: 0 } });
    const okOutcome = await replayer.run(pass.id);
    expect(okOutcome.summary.done).toBe(60);
    expect(okOutcome.summary.verdicts.regression).toBe(0);
    expect(okOutcome.summary.passed).toBe(true);
    expect(okOutcome.run.status).toBe('completed');

    const fail = await replayer.create({ target: 'regressed', baseline: 'baseline', thresholds: { maxRegressions: 0 } });
    const badOutcome = await replayer.run(fail.id);
    expect(badOutcome.summary.verdicts.regression).toBeGreaterThan(5);
    expect(badOutcome.summary.passed).toBe(false);
    expect(badOutcome.summary.worst.length).toBeGreaterThan(0);
    expect(badOutcome.summary.statusMismatches.total).toBeGreaterThan(0);

    // Every replayed request was marked and stored as a replay child of its original.
    const first = (await store.replays.listResults(fail.id, { limit: 1 })).items[0];
    const child = await store.exchanges.get(first?.candidateId ?? '');
    expect(child).toMatchObject({ role: 'replay', parentId: first?.exchangeId, version: 'regressed' });
    expect(child?.requestHeaders['x-understudy-shadow']).toBe('1');
    expect(child?.requestHeaders['x-understudy-replay']).toBe(fail.id);
    expect(child?.requestHeaders['x-understudy-version']).toBeUndefined();
    // The version's own credential was sent but is not stored.
    expect(child?.requestHeaders.authorization).toMatch(/^\[redacted:authorization:[0-9a-f]{12}\]$/);
    await replayer.close();
    await store.close();
  });

  it('compares on compare threads with the same outcome', async () => {
    const store = await recordedStore(40);
    await store.versions.upsert({ name: 'regressed', upstream: regressed.url, headers: {} });
    const comparePool = createComparePool({ threads: 2 });
    const replayer = createReplayer({ store, comparePool });
    const fail = await replayer.create({ target: 'regressed', baseline: 'baseline', thresholds: { maxRegressions: 0 } });
    const outcome = await replayer.run(fail.id);
    expect(comparePool.threads).toBeGreaterThan(0);
    expect(outcome.summary.done).toBe(40);
    expect(outcome.summary.verdicts.regression).toBeGreaterThan(3);
    expect(outcome.summary.passed).toBe(false);
    const results = (await store.replays.listResults(fail.id, { limit: 100 })).items;
    expect(results.length).toBe(40);
    await replayer.close();
    await comparePool.close();
    await store.close();
  });
});
