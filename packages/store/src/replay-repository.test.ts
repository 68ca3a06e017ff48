import { ManualClock } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { storeDialects } from '../test/store-dialects.js';
import { type ReplayResultRecord, replayStaleAfterMs } from './replay-records.js';
import { openStore, type Store } from './store.js';
import { testExchange, testReplayResult } from './testing.js';

const exchange = testExchange;

function result(exchangeId: string, seq: number, verdict = 'match'): ReplayResultRecord {
  return testReplayResult(exchangeId, seq, { verdict, candidateStatus: verdict === 'error' ? null : 200, report: { verdict } });
}

const dialects = storeDialects('us-replay-');

describe.each(dialects)('ReplayRepository and ExchangeScan on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('commits each item once, with its exchanges, and counts verdicts', async () => {
    store = await openStore({ url: await url(), clock: new ManualClock(3) });
    await store.replays.createRun({ id: 'R1', createdAt: 1, spec: { target: 'x' }, target: 'x', baseline: null, planned: 3 });
    const n1 = await store.replays.commitResults(
      'R1',
      [result('A', 0), result('B', 1, 'error')],
      [exchange('CA', { role: 'replay', parentId: 'A' })],
      2,
    );
    // A resumed run re-sends an in-flight item: the second commit of B is ignored.
    const n2 = await store.replays.commitResults('R1', [result('B', 1, 'error'), result('C', 2, 'regression')], [], 3);
    expect([n1, n2]).toEqual([2, 1]);
    const run = await store.replays.getRun('R1');
    expect(run).toMatchObject({ status: 'running', done: 3, errors: 1, planned: 3, spec: { target: 'x' } });
    expect(await store.replays.countByVerdict('R1')).toEqual({ match: 1, error: 1, regression: 1 });
    expect(await store.replays.completedAmong('R1', ['A', 'Z', 'C'])).toEqual(new Set(['A', 'C']));
    expect((await store.exchanges.get('CA'))?.parentId).toBe('A');

    const page = await store.replays.listResults('R1', { limit: 2 });
    expect(page.items.map((r) => r.exchangeId)).toEqual(['A', 'B']);
    const rest = await store.replays.listResults('R1', { limit: 2, afterSeq: page.nextSeq ?? -1 });
    expect(rest.items.map((r) => r.exchangeId)).toEqual(['C']);
    expect(rest.nextSeq).toBeNull();
    expect((await store.replays.listResults('R1', { verdict: 'regression' })).items).toHaveLength(1);
    const lite = await store.replays.listResults('R1', { reports: false });
    expect(lite.items.map((r) => [r.exchangeId, r.report, r.candidateTokens])).toEqual([
      ['A', null, 12],
      ['B', null, 12],
      ['C', null, 12],
    ]);

    await store.replays.updateVerdicts('R1', [{ exchangeId: 'C', verdict: 'noise', scoreOverNoise: 0, report: { v: 2 } }]);
    expect(await store.replays.getResult('R1', 'C')).toMatchObject({ verdict: 'noise', report: { v: 2 } });
    await store.replays.updateRun('R1', { status: 'completed', summary: { ok: true } }, 9);
    expect(await store.replays.getRun('R1')).toMatchObject({ status: 'completed', summary: { ok: true }, updatedAt: 9 });
  });

  it.skipIf(skip)('shows a running run whose heartbeat stopped as interrupted, and a beating one as running', async () => {
    const clock = new ManualClock(1_000);
    store = await openStore({ url: await url(), clock });
    await store.replays.createRun({ id: 'R1', createdAt: 1_000, spec: { target: 'x' }, target: 'x', baseline: null, planned: 3 });
    clock.advance(replayStaleAfterMs);
    expect((await store.replays.getRun('R1'))?.status).toBe('running');
    await store.replays.beat('R1', clock.now());
    clock.advance(replayStaleAfterMs);
    expect((await store.replays.getRun('R1'))?.status).toBe('running');
    clock.advance(1);
    expect((await store.replays.getRun('R1'))?.status).toBe('interrupted');
    expect((await store.replays.listRuns()).map((r) => r.status)).toEqual(['interrupted']);
    // A heartbeat never revives a run that ended.
    await store.replays.updateRun('R1', { status: 'aborted' }, clock.now());
    await store.replays.beat('R1', clock.now() + 1);
    clock.advance(replayStaleAfterMs * 2);
    expect((await store.replays.getRun('R1'))?.status).toBe('aborted');
  });

  it.skipIf(skip)('scans oldest first in pages and imports all or nothing', async () => {
    store = await openStore({ url: await url() });
    const rows = Array.from({ length: 7 }, (_, i) => exchange(`E${i}`, { startedAt: 100 + i, path: i % 2 ? '/a' : '/b' }));
    expect(
      await store.scan.insertAtomically(
        (async function* () {
          yield rows.slice(0, 4);
          yield rows.slice(4);
        })(),
      ),
    ).toBe(7);
    const seen: string[] = [];
    for await (const e of store.scan.iterate({ path: '/b' }, 2)) seen.push(e.id);
    expect(seen).toEqual(['E0', 'E2', 'E4', 'E6']);
    expect(await store.scan.count({ since: 103 })).toBe(4);

    const failing = (async function* () {
      yield [exchange('N1'), exchange('N2')];
      throw new Error('line 3: bad');
    })();
    await expect(store.scan.insertAtomically(failing)).rejects.toThrow('line 3');
    expect(await store.exchanges.get('N1')).toBeUndefined();
  });

  it.skipIf(skip)('finds shadow exchanges still waiting for a comparison', async () => {
    store = await openStore({ url: await url() });
    await store.exchanges.insertMany([
      exchange('L1'),
      exchange('S1', { role: 'shadow', parentId: 'L1' }),
      exchange('S2', { role: 'shadow', parentId: 'L1' }),
    ]);
    expect((await store.shadowComparisons.pending(null, 10)).map((e) => e.id)).toEqual(['S1', 'S2']);
    const record = {
      exchangeId: 'S1',
      parentId: 'L1',
      endpoint: 'POST /x',
      verdict: 'match',
      score: 0,
      scoreOverNoise: 0,
      report: null,
      createdAt: 7,
    };
    await store.shadowComparisons.insertMany([record, record]);
    expect((await store.shadowComparisons.pending(null, 10)).map((e) => e.id)).toEqual(['S2']);
    expect(await store.shadowComparisons.get('S1')).toEqual(record);
  });
});
