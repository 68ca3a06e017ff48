/**
 * Fixtures for tests of the store and of the packages above it (`@understudy/store/testing`):
 * one exchange and one replay result with every field filled, overridable field by field.
 * Not used by runtime code.
 */
import { type Exchange, emptyBody, noUsage } from '@understudy/core';
import type { ReplayResultRecord } from './replay-records.js';
import type { Store } from './store.js';

/** A finished 200 `POST /v1/chat/completions` on `stable`, live, with empty bodies. */
export function testExchange(id: string, over: Partial<Exchange> = {}): Exchange {
  return {
    id,
    startedAt: 1_000,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: {},
    requestBody: emptyBody,
    status: 200,
    responseHeaders: {},
    responseBody: emptyBody,
    streamed: false,
    sseEvents: null,
    ttfbMs: null,
    durationMs: null,
    version: 'stable',
    role: 'live',
    parentId: null,
    usage: noUsage,
    error: null,
    ...over,
  };
}

/** A JSON body as an exchange stores it. */
export function testJsonBody(value: unknown): Exchange['requestBody'] {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return { bytes, size: bytes.length, truncated: false };
}

/**
 * Seeds `store` with one exchange per id, started at the given epoch ms, with small JSON bodies
 * (so its content rows are there to be swept too): what retention and prune tests age out.
 */
export async function seedExchangesStartedAt(store: Pick<Store, 'exchanges'>, startedAt: Readonly<Record<string, number>>): Promise<void> {
  await store.exchanges.insertMany(
    Object.entries(startedAt).map(([id, at]) =>
      testExchange(id, {
        startedAt: at,
        requestBody: testJsonBody({ model: 'm' }),
        responseBody: testJsonBody({}),
        ttfbMs: 1,
        durationMs: 1,
      }),
    ),
  );
}

/** A matching result of run `R1` for `exchangeId`, replayed as `C<exchangeId>`. */
export function testReplayResult(exchangeId: string, seq: number, over: Partial<ReplayResultRecord> = {}): ReplayResultRecord {
  return {
    runId: 'R1',
    exchangeId,
    seq,
    endpoint: 'POST /v1/chat/completions',
    candidateId: `C${exchangeId}`,
    baselineId: null,
    verdict: 'match',
    score: 0,
    scoreOverNoise: 0,
    originalStatus: 200,
    candidateStatus: 200,
    originalMs: 1,
    candidateMs: 2,
    originalTokens: 10,
    candidateTokens: 12,
    originalCost: 0.1,
    candidateCost: 0.2,
    attempts: 1,
    errorCode: null,
    errorMessage: null,
    report: { verdict: 'match' },
    baselineReport: null,
    completedAt: 5,
    ...over,
  };
}
