import { afterEach, describe, expect, it } from 'vitest';
import { storeDialects } from '../test/store-dialects.js';
import type { ReplayResultRecord } from './replay-records.js';
import { openStore, type Store } from './store.js';
import { testExchange, testReplayResult } from './testing.js';

const exchange = testExchange;

const report = (diverging: string) => ({
  verdict: 'regression',
  categories: [
    { name: 'status', score: 0, differences: [] },
    { name: diverging, score: 0.5, differences: [{ kind: 'value_change', path: '$.x' }] },
  ],
});

function result(exchangeId: string, seq: number, over: Partial<ReplayResultRecord> = {}): ReplayResultRecord {
  return testReplayResult(exchangeId, seq, {
    baselineId: `B${exchangeId}`,
    report: report('text'),
    baselineReport: { verdict: 'match', categories: [] },
    completedAt: 20,
    ...over,
  });
}

const dialects = storeDialects('us-cmp-');

describe.each(dialects)('ComparisonRepository on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function seed(s: Store): Promise<void> {
    await s.exchanges.insertMany([
      exchange('L1', { path: '/v1/chat/completions' }),
      exchange('L2', { path: '/v1/messages' }),
      exchange('S1', { role: 'shadow', parentId: 'L1', version: 'v2' }),
      exchange('S2', { role: 'shadow', parentId: 'L2', version: 'v3', path: '/v1/messages' }),
    ]);
    await s.shadowComparisons.insertMany([
      {
        exchangeId: 'S1',
        parentId: 'L1',
        endpoint: 'POST /v1/chat/completions',
        verdict: 'match',
        score: 0,
        scoreOverNoise: 0,
        report: report('text'),
        createdAt: 10,
      },
      {
        exchangeId: 'S2',
        parentId: 'L2',
        endpoint: 'POST /v1/messages',
        verdict: 'regression',
        score: 0.6,
        scoreOverNoise: 0.5,
        report: report('fact'),
        createdAt: 30,
      },
    ]);
    await s.replays.createRun({ id: 'R1', createdAt: 1, spec: {}, target: 'v3', baseline: 'stable', planned: 2 });
    await s.replays.commitResults(
      'R1',
      [
        result('L1', 0, { verdict: 'regression', report: report('tool_call') }),
        result('L2', 1, { candidateId: null, verdict: 'error', report: null, completedAt: 25 }),
      ],
      [exchange('CL1', { role: 'replay', parentId: 'L1', version: 'v3' })],
      20,
    );
  }

  it.skipIf(skip)('lists shadow and replay comparisons together, newest first, with every filter and cursor paging', async () => {
    store = await openStore({ url: await url() });
    await seed(store);
    const ids = async (filter: Parameters<Store['comparisons']['list']>[0]) =>
      (await store?.comparisons.list(filter))?.items.map((c) => c.id);
    expect(await ids({})).toEqual(['S2', 'R1:L2', 'CL1', 'S1']);
    expect(await ids({ source: 'shadow' })).toEqual(['S2', 'S1']);
    expect(await ids({ source: 'replay' })).toEqual(['R1:L2', 'CL1']);
    expect(await ids({ verdict: 'regression' })).toEqual(['S2', 'CL1']);
    expect(await ids({ category: 'fact' })).toEqual(['S2']);
    expect(await ids({ category: 'tool_call' })).toEqual(['CL1']);
    expect(await ids({ category: 'status' })).toEqual([]);
    expect(await ids({ runId: 'R1' })).toEqual(['R1:L2', 'CL1']);
    expect(await ids({ version: 'v3' })).toEqual(['S2', 'CL1']);
    expect(await ids({ path: '/v1/mess*' })).toEqual(['S2', 'R1:L2']);
    expect(await ids({ since: 20, until: 30 })).toEqual(['R1:L2', 'CL1']);
    expect(await ids({ originalId: 'L1' })).toEqual(['CL1', 'S1']);

    const first = await store.comparisons.list({}, { limit: 3 });
    expect(first.items.map((c) => c.report)).toEqual([null, null, null]);
    const rest = await store.comparisons.list({}, { limit: 3, cursor: first.nextCursor ?? '' });
    expect(rest.items.map((c) => c.id)).toEqual(['S1']);
    expect(rest.nextCursor).toBeNull();
    await expect(store.comparisons.list({}, { cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.comparisons.countByVerdict({ source: 'shadow' })).toEqual({ match: 1, regression: 1 });
  });

  it.skipIf(skip)('gets one comparison with its report, baseline and exchanges named', async () => {
    store = await openStore({ url: await url() });
    await seed(store);
    expect(await store.comparisons.get('CL1')).toMatchObject({
      source: 'replay',
      runId: 'R1',
      originalId: 'L1',
      candidateId: 'CL1',
      baselineId: 'BL1',
      version: 'v3',
      path: '/v1/chat/completions',
      report: report('tool_call'),
      baselineReport: { verdict: 'match' },
    });
    expect(await store.comparisons.get('S1')).toMatchObject({ source: 'shadow', runId: null, originalId: 'L1', version: 'v2' });
    expect(await store.comparisons.get('R1:L2')).toMatchObject({ verdict: 'error', candidateId: null, report: null });
    expect(await store.comparisons.get('NOPE')).toBeUndefined();
  });
});
