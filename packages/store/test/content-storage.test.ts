import type { Exchange } from '@understudy/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store, storeDatabase } from '../src/store.js';
import { testExchange } from '../src/testing.js';
import { storeDialects } from './store-dialects.js';

const system = `You are the support agent of a shop. ${'Answer with care and cite the order. '.repeat(80)}`;
const tools = Array.from({ length: 6 }, (_, i) => ({
  type: 'function',
  function: { name: `tool_${i}`, description: 'Looks up an order by id. '.repeat(10), parameters: { type: 'object' } },
}));

/** Turn `n` of one conversation as the agent sends it: the whole history again. */
function turn(conversation: number, n: number): Exchange {
  const messages: { role: string; content: string }[] = [{ role: 'system', content: system }];
  for (let i = 0; i <= n; i++) {
    messages.push({ role: 'user', content: `c${conversation} question ${i}: ${'where is my parcel, it is late? '.repeat(12)}` });
    if (i < n) messages.push({ role: 'assistant', content: `answer ${i}: ${'it ships tomorrow from the depot. '.repeat(12)}` });
  }
  const bytes = new TextEncoder().encode(JSON.stringify({ model: 'gpt-4o', messages, tools, temperature: 0.2 }));
  return testExchange(`01C${conversation}T${String(n).padStart(3, '0')}`, {
    startedAt: 1_000 + n,
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: { bytes, size: bytes.length, truncated: false },
    ttfbMs: 1,
    durationMs: 2,
  });
}

const dialects = storeDialects('us-content-');

/** Bytes of request content stored: skeletons plus content nodes. */
async function storedRequestBytes(store: Store): Promise<number> {
  const len = store.kind === 'postgres' ? sql.raw('octet_length') : sql.raw('length');
  const rows = await sql<{ n: number | string | null }>`
    select (select coalesce(sum(${len}(request_body)), 0) from exchanges)
         + (select coalesce(sum(${len}(bytes)), 0) from content_nodes) as n`.execute(storeDatabase(store));
  return Number(rows.rows[0]?.n ?? 0);
}

describe.each(dialects)('content-addressed request storage on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('stores a conversation once and gives back every request byte for byte', async () => {
    store = await openStore({ url: await url() });
    const turns = Array.from({ length: 20 }, (_, n) => turn(1, n));
    // One turn per batch, as captures arrive.
    for (const e of turns) await store.exchanges.insertMany([e]);
    // Another conversation with the same system prompt and tools, through the import path.
    await store.scan.insertAtomically(
      (async function* () {
        yield [turn(2, 0), turn(2, 1)];
      })(),
    );

    const last = turns.at(-1);
    if (last === undefined) throw new Error('no turns');
    const got = await store.exchanges.get(last.id);
    expect(Buffer.from(got?.requestBody.bytes ?? [])).toEqual(Buffer.from(last.requestBody.bytes));
    const page = await store.exchanges.list({}, { limit: 100 });
    const scanned = await store.scan.page({}, null, 100);
    expect(page.items).toHaveLength(22);
    for (const e of [...turns, turn(2, 0), turn(2, 1)]) {
      const listed = page.items.find((i) => i.id === e.id);
      const read = scanned.find((i) => i.id === e.id);
      expect(Buffer.from(listed?.requestBody.bytes ?? [])).toEqual(Buffer.from(e.requestBody.bytes));
      expect(Buffer.from(read?.requestBody.bytes ?? [])).toEqual(Buffer.from(e.requestBody.bytes));
      expect(read?.requestBody.size).toBe(e.requestBody.size);
    }

    // Each distinct block once: the ideal is system + tools + every message of the longest turn
    // of each conversation, and conversation 2 shares the system prompt and tools.
    const sent = turns.reduce((sum, e) => sum + e.requestBody.bytes.length, 0);
    const ideal =
      (last.requestBody.bytes.length as number) + turn(2, 1).requestBody.bytes.length - system.length - JSON.stringify(tools).length;
    const stored = await storedRequestBytes(store);
    expect(stored).toBeLessThan(ideal * 1.2);
    expect(stored).toBeLessThan(sent / 5);
  });

  it.skipIf(skip)('replay exchanges repeating a captured request reference the same content', async () => {
    store = await openStore({ url: await url() });
    const original = turn(3, 6);
    await store.exchanges.insertMany([original]);
    const before = await storedRequestBytes(store);
    const run = { id: '01RUN' };
    await store.replays.createRun({ id: run.id, createdAt: 1, spec: {}, target: 'candidate', baseline: null, planned: 1 });
    const replayed = { ...original, id: '01R000', role: 'replay' as const, parentId: original.id };
    await store.replays.commitResults(
      run.id,
      [
        {
          runId: run.id,
          exchangeId: original.id,
          seq: 0,
          endpoint: '*',
          candidateId: replayed.id,
          baselineId: null,
          verdict: 'match',
          score: 0,
          scoreOverNoise: 0,
          originalStatus: 200,
          candidateStatus: 200,
          originalMs: 1,
          candidateMs: 1,
          originalTokens: null,
          candidateTokens: null,
          originalCost: null,
          candidateCost: null,
          attempts: 1,
          errorCode: null,
          errorMessage: null,
          report: null,
          baselineReport: null,
          completedAt: 2,
        },
      ],
      [replayed],
      2,
    );
    const after = await storedRequestBytes(store);
    expect(after - before).toBeLessThan(200);
    const got = await store.exchanges.get(replayed.id);
    expect(Buffer.from(got?.requestBody.bytes ?? [])).toEqual(Buffer.from(original.requestBody.bytes));
  });
});
