import { ManualClock } from '@understudy/core';
import { openStore, type ReplayResultRecord } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { ResultWriter } from './result-writer.js';

function result(seq: number): ReplayResultRecord {
  return {
    runId: 'run1',
    exchangeId: `ex${seq}`,
    seq,
    endpoint: 'POST /v1/chat/completions',
    candidateId: null,
    baselineId: null,
    verdict: 'error',
    score: null,
    scoreOverNoise: null,
    originalStatus: 200,
    candidateStatus: null,
    originalMs: 1,
    candidateMs: null,
    originalTokens: null,
    candidateTokens: null,
    originalCost: null,
    candidateCost: null,
    attempts: 1,
    errorCode: 'ECONNREFUSED',
    errorMessage: 'refused',
    report: null,
    baselineReport: null,
    completedAt: 0,
  };
}

describe('ResultWriter', () => {
  it('holds workers back once maxPending items wait on a slow store, counting the batches already handed to commits', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.replays.createRun({ id: 'run1', createdAt: 0, spec: {}, target: 'candidate', baseline: null, planned: null });
    // The real repository, held at a gate: the store "falls behind" until the test opens it.
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const commit = store.replays.commitResults.bind(store.replays);
    store.replays.commitResults = async (...args) => {
      await gate;
      return commit(...args);
    };
    const writer = new ResultWriter(store, 'run1', new ManualClock(), () => {}, { batchSize: 2, maxPending: 4, flushMs: 50 });
    let settled = 0;
    const adds: Promise<void>[] = [];
    for (let seq = 0; seq < 12; seq++) {
      const p = writer.add(result(seq), []);
      p.then(() => settled++);
      adds.push(p);
    }
    // Let every add that does not wait on the store run to completion.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // Items 0..2 are under the bound; the 4th add (2 batches = 4 items in commits) must wait.
    expect(settled).toBe(3);
    open();
    await Promise.all(adds);
    await writer.close();
    expect((await store.replays.getRun('run1'))?.done).toBe(12);
    await store.close();
  });
});
