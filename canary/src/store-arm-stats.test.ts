import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../../packages/store/test/postgres.js';
import { traffic } from '../test/fixtures.js';
import { storeDivergenceSource } from './divergence-source.js';
import { collectArmStats, countLiveRequests } from './store-arm-stats.js';

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-arm-')), 'x.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
] as const;

for (const d of dialects) {
  describe.skipIf(d.skip)(`arm statistics from the store on ${d.kind}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('counts requests, errors, fallbacks, cost and tokens per arm and window', async () => {
      store = await openStore({ url: await d.url() });
      const random = seededRandom(1);
      const base = traffic(random, { version: 'v2', n: 10, at: 1000, errorRate: 0, latencyMs: 100 });
      const rows = base.map((e, i) => ({
        ...e,
        status: i < 2 ? 500 : i === 2 ? null : 200,
        error:
          i === 2
            ? { code: 'upstream_unreachable' as const, message: 'x' }
            : i === 3
              ? { code: 'client_disconnected' as const, message: 'gone' }
              : null,
        usage: { inputTokens: 10, outputTokens: i, costUsd: 0.001 * (i + 1) },
      }));
      const outside = traffic(random, { version: 'v2', n: 5, at: 5000, errorRate: 1, latencyMs: 100 });
      const stable = traffic(random, { version: 'stable', n: 5, at: 1000, errorRate: 0, latencyMs: 100 });
      // The last stable exchange answered a candidate's fallback: it points at the failed attempt.
      const answered = stable.map((e, i) => (i === 4 ? { ...e, parentId: rows[0]?.id ?? null } : e));
      await store.exchanges.insertMany([...rows, ...outside, ...answered]);
      const arm = await collectArmStats(store, { version: 'v2', since: 0, until: 2000 });
      // The client that hung up is neither a request nor an error of the version.
      expect(arm.n).toBe(9);
      expect(arm.errors).toBe(3);
      expect(arm.latencies).toHaveLength(6);
      expect(arm.cost.n).toBe(9);
      expect(arm.cost.sum).toBeCloseTo(0.001 * (55 - 4), 9);
      expect(arm.tokens.n).toBe(9);
      expect(arm.tokens.sum).toBe(9 * 10 + (45 - 3));
      expect((await collectArmStats(store, { version: 'stable', since: 0, until: 2000 })).n).toBe(4); // the fallback answer is left out
      expect(await countLiveRequests(store, { version: 'v2', since: 0, until: 10_000 })).toBe(15);
      expect(await storeDivergenceSource(store).counts({ candidate: 'v2', stable: 'stable', since: 0, until: 10_000 })).toEqual({
        candidate: { n: 0, events: 0 },
        baseline: null,
      });
    });
  });
}
