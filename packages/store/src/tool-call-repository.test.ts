import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { openStore, type Store } from './store.js';
import type { ToolCallRecord } from './tool-call-record.js';

function call(id: string, over: Partial<ToolCallRecord> = {}): ToolCallRecord {
  return {
    id,
    exchangeId: 'E1',
    attemptId: null,
    role: 'live',
    seq: 0,
    startedAt: 1_000,
    destination: 'orders',
    policy: 'record',
    method: 'POST',
    path: '/refunds',
    bodyKey: 'k1',
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: new Uint8Array(Buffer.from('{"order_id":"A-123"}')),
    requestSize: 20,
    status: 201,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: new Uint8Array([0, 255, 1, 2]),
    responseSize: 4,
    responseTruncated: false,
    outcome: 'forwarded',
    match: 'recorded',
    matchedId: null,
    ttfbMs: 1.5,
    durationMs: 2.25,
    inputTokens: 12,
    outputTokens: null,
    costUsd: null,
    error: null,
    ...over,
  };
}

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-toolcalls-')), 't.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
];

describe.each(dialects)('ToolCallRepository on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('round-trips a call byte for byte and lists an exchange in call order', async () => {
    store = await openStore({ url: await url() });
    await store.toolCalls.insertMany([call('C2', { seq: 1, method: 'GET', path: '/orders/A-123' }), call('C1')]);
    await store.toolCalls.insertMany([call('C1', { status: 500 })]);
    const recorded = await store.toolCalls.recorded('E1');
    expect(recorded.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(recorded[0]).toEqual(call('C1'));
    expect(Buffer.from(recorded[0]?.responseBody ?? []).toString('hex')).toBe('00ff0102');
    expect(await store.toolCalls.recorded('E2')).toEqual([]);
  });

  it.skipIf(skip)('summarizes a candidate attempt against the original recording', async () => {
    store = await openStore({ url: await url() });
    const shadow = { exchangeId: 'E1', attemptId: 'A1', role: 'shadow' as const };
    await store.toolCalls.insertMany([
      call('C1'),
      call('C2', { seq: 1 }),
      call('S1', { ...shadow, outcome: 'replayed', match: 'matched', matchedId: 'C1' }),
      call('S2', { ...shadow, seq: 1, outcome: 'blocked', match: 'unmatched', status: 409 }),
      call('S3', { ...shadow, seq: 2, outcome: 'forwarded', match: 'extra' }),
    ]);
    expect(await store.toolCalls.sideEffects('A1', 'E1')).toEqual({
      candidate: { matched: 1, unmatched: 1, extra: 1, blocked: 0 },
      original: { matched: 2, unmatched: 0, extra: 0, blocked: 0 },
    });
    expect((await store.toolCalls.ofAttempt('A1')).map((c) => c.id)).toEqual(['S1', 'S2', 'S3']);
    expect(await store.toolCalls.sideEffects('A9', 'E9')).toBeUndefined();
    expect((await store.toolCalls.list({ exchangeId: 'E1', limit: 2 })).length).toBe(2);
  });
});
