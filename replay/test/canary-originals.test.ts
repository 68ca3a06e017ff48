import { type Exchange, noUsage } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReplaySpec } from '../src/replay-spec.js';
import { plannedCount, selectExchanges } from '../src/select-exchanges.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function live(id: string, version: string, at: number, status = 200): Exchange {
  const body = utf8('{"messages":[{"role":"user","content":"where is my parcel?"}]}');
  const answer = utf8(status === 200 ? '{"choices":[{"message":{"role":"assistant","content":"On its way."}}]}' : '{"error":{}}');
  return {
    id,
    startedAt: at,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: { bytes: body, size: body.length, truncated: false },
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: { bytes: answer, size: answer.length, truncated: false },
    streamed: false,
    sseEvents: null,
    ttfbMs: 1,
    durationMs: 2,
    version,
    role: 'live',
    parentId: null,
    usage: noUsage,
    error: null,
  };
}

const canary = (id: string, candidate: string, createdAt: number) => ({
  id,
  spec: { candidate },
  stable: 'v1',
  candidate,
  state: 'pending',
  stepIndex: -1,
  weight: 0,
  stepStartedAt: null,
  analysisStartedAt: null,
  nextAnalysisAt: createdAt,
  consecutiveFailures: 0,
  looks: 0,
  resumeState: null,
  reason: null,
  createdBy: 'test',
  createdAt,
});

const end = (state: 'rolled_back' | 'promoted', at: number) => ({
  generation: 0,
  action: state,
  patch: { state, weight: state === 'promoted' ? 100 : 0 },
  events: [{ type: state, actor: 'controller', data: {} }],
  at,
});

async function ids(store: Store, selection: Record<string, unknown>): Promise<string[]> {
  const spec = parseReplaySpec({ target: 'v9', selection });
  const out: string[] = [];
  for await (const item of selectExchanges(store, spec.selection)) out.push(item.exchange.id);
  expect(await plannedCount(store, spec.selection)).toBe(out.length);
  return out;
}

describe("a replay's originals leave out canary candidates' own answers (user audit 2)", () => {
  let store: Store;
  afterEach(async () => store.close());

  // `replay --since 24h` without --version took the window's originals including the answers a
  // canary's candidate served: its 500s entered the noise model and its answers stood for
  // production. A demanding user means "what production served".
  it('selects what the primary served: not v3 while its canary lived, v2 after its promotion', async () => {
    store = await openStore({ url: ':memory:' });
    await store.canaries.create(canary('C3', 'v3', 1_000), { type: 'created', actor: 'test', data: {} });
    expect(await store.canaries.apply('C3', end('rolled_back', 2_000))).not.toBeNull();
    await store.canaries.create(canary('C2', 'v2', 3_000), { type: 'created', actor: 'test', data: {} });
    expect(await store.canaries.apply('C2', end('promoted', 4_000))).not.toBeNull();
    await store.canaries.create(canary('C4', 'v4', 5_000), { type: 'created', actor: 'test', data: {} });
    await store.exchanges.insertMany([
      live('01A', 'v1', 500),
      live('01B', 'v3', 900), // v3 before its canary (a run of its own): kept
      live('01C', 'v3', 1_500, 500), // v3 as C3's candidate: left out
      live('01D', 'v1', 1_600),
      live('01E', 'v3', 2_500), // after C3 ended: kept
      live('01F', 'v2', 3_500), // v2 as C2's candidate: left out
      live('01G', 'v2', 4_500), // v2 promoted: production now
      live('01H', 'v4', 5_500), // C4 still live: left out
      live('01I', 'v2', 5_600),
    ]);
    expect(await ids(store, {})).toEqual(['01A', '01B', '01D', '01E', '01G', '01I']);
    expect(await ids(store, { includeCanary: true })).toEqual(['01A', '01B', '01C', '01D', '01E', '01F', '01G', '01H', '01I']);
    // Naming the version asks for its answers, canary or not.
    expect(await ids(store, { version: 'v3' })).toEqual(['01B', '01C', '01E']);
    expect(await ids(store, { since: 1_000, until: 4_000 })).toEqual(['01D', '01E']);
    expect(await ids(store, { limit: 3 })).toEqual(['01A', '01B', '01D']);
  });
});
