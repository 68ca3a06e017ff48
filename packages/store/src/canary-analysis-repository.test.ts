import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { openStore, type Store } from './store.js';
import { testExchange, testReplayResult } from './testing.js';

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-analysis-')), 'x.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
] as const;

let counter = 0;
function live(version: string, at: number, over: Partial<Exchange> = {}): Exchange {
  counter++;
  const id = `X${String(at).padStart(13, '0')}${String(counter).padStart(10, '0')}`;
  return testExchange(id, { startedAt: at, ttfbMs: 1, durationMs: 100, version, ...over });
}

for (const d of dialects) {
  describe.skipIf(d.skip)(`canary analysis repository on ${d.kind}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('counts requests, errors, fallbacks, cost and tokens per arm and window', async () => {
      store = await openStore({ url: await d.url() });
      const rows = Array.from({ length: 10 }, (_, i) =>
        live('v2', 1000, {
          status: i < 2 ? 500 : i === 2 ? null : 200,
          error:
            i === 2 ? { code: 'upstream_unreachable', message: 'x' } : i === 3 ? { code: 'client_disconnected', message: 'gone' } : null,
          usage: { inputTokens: 10, outputTokens: i, costUsd: 0.001 * (i + 1) },
        }),
      );
      const outside = Array.from({ length: 5 }, () => live('v2', 5000, { status: 500 }));
      // The last stable exchange answered a candidate's fallback: it points at the failed attempt.
      const stable = Array.from({ length: 5 }, (_, i) => live('stable', 1000, i === 4 ? { parentId: rows[0]?.id ?? null } : {}));
      await store.exchanges.insertMany([...rows, ...outside, ...stable]);
      const arm = await store.analysis.armSums({ version: 'v2', since: 0, until: 2000 });
      // The client that hung up is neither a request nor an error of the version.
      expect(arm.n).toBe(9);
      expect(arm.errors).toBe(3);
      expect(arm.latencies).toHaveLength(6);
      expect(arm.cost.n).toBe(9);
      expect(arm.cost.sum).toBeCloseTo(0.001 * (55 - 4), 9);
      expect(arm.tokens.n).toBe(9);
      expect(arm.tokens.sum).toBe(9 * 10 + (45 - 3));
      expect((await store.analysis.armSums({ version: 'stable', since: 0, until: 2000 })).n).toBe(4); // the fallback answer is left out
      expect(await store.analysis.liveRequests({ version: 'v2', since: 0, until: 10_000 })).toBe(15);
      expect(await store.analysis.comparisonCounts({ candidate: 'v2', since: 0, until: 10_000 })).toEqual({ n: 0, overNoise: 0 });
    });

    it('defect 9: counts only judged comparisons: orphan, error and skipped rows are no samples', async () => {
      store = await openStore({ url: await d.url() });
      expect(await store.analysis.hasComparisonSource('v2')).toBe(false);
      const parents = Array.from({ length: 4 }, () => live('stable', 1000));
      const shadows = ['match', 'regression', 'orphan', 'orphan', 'orphan', 'error'].map(() =>
        live('v2', 1000, { role: 'shadow', parentId: parents[0]?.id ?? null }),
      );
      await store.exchanges.insertMany([...parents, ...shadows]);
      const verdicts = ['match', 'regression', 'orphan', 'orphan', 'orphan', 'error'];
      await store.shadowComparisons.insertMany(
        shadows.map((s, i) => ({
          exchangeId: s.id,
          parentId: s.parentId ?? '',
          endpoint: 'POST /v1/chat/completions',
          verdict: verdicts[i] ?? 'match',
          score: null,
          scoreOverNoise: null,
          report: null,
          createdAt: 1000,
        })),
      );
      expect(await store.analysis.hasComparisonSource('v2')).toBe(true);
      // Three orphans once gave { n: 3, events: 0 }: clean samples that never were compared.
      expect(await store.analysis.comparisonCounts({ candidate: 'v2', since: 0, until: 2000 })).toEqual({ n: 2, overNoise: 1 });

      await store.replays.createRun({ id: 'R1', createdAt: 1000, spec: {}, target: 'v3', baseline: null, planned: 3 });
      expect(await store.analysis.hasComparisonSource('v3')).toBe(true);
      const result = (exchangeId: string, seq: number, verdict: string) =>
        testReplayResult(exchangeId, seq, {
          verdict,
          candidateId: null,
          score: null,
          scoreOverNoise: null,
          candidateStatus: null,
          originalMs: null,
          candidateMs: null,
          originalTokens: null,
          candidateTokens: null,
          originalCost: null,
          candidateCost: null,
          report: null,
          baselineReport: null,
          completedAt: 1000,
        });
      await store.replays.commitResults(
        'R1',
        [result('A', 0, 'noise'), result('B', 1, 'skipped'), result('C', 2, 'error'), result('D', 3, 'regression')],
        [],
        1000,
      );
      expect(await store.analysis.comparisonCounts({ candidate: 'v3', since: 0, until: 2000 })).toEqual({ n: 2, overNoise: 1 });
    });
  });
}
