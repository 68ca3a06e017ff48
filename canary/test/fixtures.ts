import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, emptyBody, noUsage, type Random, seededRandom } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';

export async function tempStore(): Promise<Store> {
  const store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-canary-')), 'db.sqlite') });
  await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
  await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
  return store;
}

let counter = 0;

/** Synthetic live exchanges for one version: `n` requests, a share failing with 500, latencies around `latencyMs`. */
export function traffic(random: Random, o: { version: string; n: number; at: number; errorRate: number; latencyMs: number }): Exchange[] {
  return Array.from({ length: o.n }, () => {
    const failed = random.next() < o.errorRate;
    counter++;
    return {
      id: `X${String(o.at).padStart(13, '0')}${String(counter).padStart(10, '0')}`,
      startedAt: o.at,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: {},
      requestBody: emptyBody,
      status: failed ? 500 : 200,
      responseHeaders: {},
      responseBody: emptyBody,
      streamed: false,
      sseEvents: null,
      ttfbMs: 1,
      durationMs: o.latencyMs * (0.5 + random.next()),
      version: o.version,
      role: 'live',
      parentId: null,
      usage: noUsage,
      error: null,
    } satisfies Exchange;
  });
}

/**
 * `n` judged live-shadow comparisons of `version` made at `at`, exactly `over` of them beyond the
 * noise floor (a regression): the shadow exchanges they compare and the comparison rows, stored.
 */
export async function storeComparisons(store: Store, o: { version: string; n: number; over: number; at: number }): Promise<void> {
  const shadows = traffic(seededRandom(0), { version: o.version, n: o.n, at: o.at, errorRate: 0, latencyMs: 100 }).map(
    (x): Exchange => ({ ...x, role: 'shadow', parentId: `P${x.id}` }),
  );
  await store.exchanges.insertMany(shadows);
  await store.shadowComparisons.insertMany(
    shadows.map((s, i) => ({
      exchangeId: s.id,
      parentId: s.parentId ?? '',
      endpoint: 'POST /v1/chat/completions',
      verdict: i < o.over ? 'regression' : 'match',
      score: null,
      scoreOverNoise: null,
      report: null,
      createdAt: o.at,
    })),
  );
}
