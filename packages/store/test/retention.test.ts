import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Exchange, TimerHandle } from '@understudy/core';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { insertExchanges } from '../src/insert-exchanges.js';
import type { Database } from '../src/schema.js';
import { sqliteWorkerSink } from '../src/sqlite-worker-sink.js';
import { openStore, type Store, storeDatabase } from '../src/store.js';
import { testExchange } from '../src/testing.js';
import { freshPostgresUrl, hasPostgres } from './postgres.js';
import { storeDialects } from './store-dialects.js';
import { until } from './until.js';

const day = 86_400_000;
const now = 100 * day;
const system = `You are a careful agent. ${'Follow the policy. '.repeat(40)}`;

/** Turn `n` of conversation `c`, started `ageDays` ago: the whole history re-sent. */
function turn(c: string, n: number, ageDays: number, shared = system): Exchange {
  const messages = [{ role: 'system', content: shared }];
  for (let i = 0; i <= n; i++) messages.push({ role: 'user', content: `${c} message ${i} ${'x'.repeat(300)}` });
  const bytes = new TextEncoder().encode(JSON.stringify({ model: 'm', messages }));
  return testExchange(`01${c}${String(n).padStart(4, '0')}`, {
    startedAt: now - ageDays * day,
    requestBody: { bytes, size: bytes.length, truncated: false },
    responseBody: { bytes: new TextEncoder().encode('{"ok":true}'.repeat(200)), size: 2200, truncated: false },
    ttfbMs: 1,
    durationMs: 2,
  });
}

const dialects = storeDialects('us-retention-');

describe.each(dialects)('retention on $kind', ({ skip, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('prunes old exchanges in batches, spares replay evidence, sweeps their content, keeps the rest exact', async () => {
    store = await openStore({ url: await url() });
    const old = Array.from({ length: 30 }, (_, n) => turn('OLD', n, 40, `${system} (old prompt)`));
    const recent = Array.from({ length: 5 }, (_, n) => turn('NEW', n, 1));
    await store.exchanges.insertMany([...old, ...recent]);
    // A replay result names old turn 3: it stays, with its content.
    await store.replays.createRun({ id: 'RUN1', createdAt: now, spec: { since: 0 }, target: 'v2', baseline: null, planned: 1 });
    const evidence = old[3] as Exchange;
    await store.replays.commitResults(
      'RUN1',
      [
        {
          runId: 'RUN1',
          exchangeId: evidence.id,
          seq: 0,
          endpoint: '*',
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
          errorCode: 'x',
          errorMessage: 'x',
          report: null,
          baselineReport: null,
          completedAt: now,
        },
      ],
      [],
      now,
    );
    // While the run is running and selects from the beginning, nothing old may go.
    const held = await store.retention.prune({ before: now - 30 * day, batchSize: 7, pauseMs: 0 });
    expect(held).toMatchObject({ exchanges: 0, appliedBefore: 0, heldBy: ['replay RUN1 (running)'] });
    await store.replays.updateRun('RUN1', { status: 'completed' }, now);

    const dry = await store.retention.prune({ before: now - 30 * day, dryRun: true });
    expect(dry).toMatchObject({ exchanges: 29, contentNodes: 0 });
    expect(await store.scan.count({})).toBe(35);

    const pruned = await store.retention.prune({ before: now - 30 * day, batchSize: 7, pauseMs: 0, vacuum: 'full' });
    expect(pruned.exchanges).toBe(29);
    expect(pruned.heldBy).toEqual([]);
    // Turn 3 of the old conversation still needs its chain (system prompt + 4 messages); the rest of that chain is gone.
    expect(pruned.contentNodes).toBe(30 - 4);
    expect(await store.scan.count({})).toBe(6);
    const kept = await store.exchanges.get(evidence.id);
    expect(Buffer.from(kept?.requestBody.bytes ?? [])).toEqual(Buffer.from(evidence.requestBody.bytes));
    for (const e of recent) {
      const got = await store.exchanges.get(e.id);
      expect(Buffer.from(got?.requestBody.bytes ?? [])).toEqual(Buffer.from(e.requestBody.bytes));
    }
    // Nothing left to do the second time.
    expect((await store.retention.prune({ before: now - 30 * day })).exchanges).toBe(0);
  });

  it.skipIf(skip)('never prunes from the start of an active canary on', async () => {
    store = await openStore({ url: await url() });
    await store.exchanges.insertMany([turn('A', 0, 50), turn('B', 0, 40), turn('C', 0, 35)]);
    await store.canaries.create(
      {
        id: 'CAN1',
        spec: {},
        stable: 'stable',
        candidate: 'v2',
        state: 'running',
        stepIndex: 0,
        weight: 5,
        stepStartedAt: null,
        analysisStartedAt: null,
        nextAnalysisAt: null,
        consecutiveFailures: 0,
        looks: 0,
        resumeState: null,
        reason: null,
        createdBy: 'test',
        createdAt: now - 45 * day,
      },
      { type: 'created', actor: 'test', data: {} },
    );
    const result = await store.retention.prune({ before: now - 30 * day });
    expect(result).toMatchObject({ exchanges: 1, appliedBefore: now - 45 * day, heldBy: ['canary CAN1 (active)'] });
    expect((await store.scan.page({}, null, 10)).map((e) => e.id)).toEqual(['01B0000', '01C0000']);
  });
});

describe('retention on a SQLite file', () => {
  it('gives the freed pages back, so the file shrinks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'us-retention-')), 'x.db');
    const store = await openStore({ url: file });
    try {
      for (let c = 0; c < 20; c++)
        await store.exchanges.insertMany(Array.from({ length: 10 }, (_, n) => turn(`C${c}X`, n, 60, `${system} ${c}`)));
      await store.exchanges.insertMany([turn('KEEP', 0, 1)]);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(storeDatabase(store));
      const before = statSync(file).size;
      const result = await store.retention.prune({ before: now - 30 * day, vacuum: 'incremental' });
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(storeDatabase(store));
      expect(result.exchanges).toBe(200);
      expect(result.freedPages).toBeGreaterThan(0);
      // Every freed page left the file; what stays is the kept row and each table's and index's
      // own pages (≈ 40 of them: at 16 KB pages, about half of this small file).
      const pageBytes = Number((await sql<{ page_size: number }>`pragma page_size`.execute(storeDatabase(store))).rows[0]?.page_size);
      expect(statSync(file).size).toBe(before - result.freedPages * pageBytes);
      expect(statSync(file).size).toBeLessThan(before * 0.6);
    } finally {
      await store.close();
    }
  });
});

/** A clock whose every timer waits for the test: a prune stops at each pause until `step()`. */
class SteppingClock implements Clock {
  readonly #waiting: (() => void)[] = [];
  #wake: (() => void) | undefined;
  now = (): number => now;
  monotonic = (): number => 0;
  setTimeout(fn: () => void): TimerHandle {
    this.#waiting.push(fn);
    this.#wake?.();
    return { cancel: () => {} };
  }
  setInterval(): TimerHandle {
    return { cancel: () => {} };
  }
  /** Resolves once something waits on the clock. */
  paused(): Promise<'paused'> {
    if (this.#waiting.length > 0) return Promise.resolve('paused');
    return new Promise((resolve) => {
      this.#wake = () => resolve('paused');
    });
  }
  /** `'paused'` once the prune waits on the clock, `'done'` once it has finished. */
  pausedOr(pruning: Promise<unknown>): Promise<'paused' | 'done'> {
    return Promise.race([pruning.then(() => 'done' as const), this.paused()]);
  }
  step(): void {
    this.#wake = undefined;
    this.#waiting.shift()?.();
  }
}

/** A second writer on the same store, as a tap in another process would be: the SQLite writer thread, or its own PostgreSQL pool. */
async function captureWriter(
  kind: 'sqlite' | 'postgres',
  url: string,
): Promise<{ write(e: Exchange[]): Promise<void>; close(): Promise<void> }> {
  if (kind === 'sqlite') {
    const sink = sqliteWorkerSink({ url });
    return {
      write: async (e) => {
        await sink.write(e);
      },
      close: () => sink.close(),
    };
  }
  const other = await openStore({ url });
  return { write: (e) => other.exchanges.insertMany(e), close: () => other.close() };
}

const countRows = async (db: Kysely<Database>, table: 'content_nodes' | 'exchanges', before?: number): Promise<number> => {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (before !== undefined && table === 'exchanges') query = query.where('started_at', '<', before);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

const seedOld = async (store: Store, conversations: number): Promise<void> => {
  for (let c = 0; c < conversations; c++)
    await store.exchanges.insertMany(Array.from({ length: 20 }, (_, n) => turn(`O${c}X`, n, 40, sharedOf(c))));
};
const sharedOf = (c: number): string => `${system} conversation ${c}`;
/** Conversation `c`'s next turn, captured now: it re-sends a history whose old turns are being pruned. */
const nextTurn = (c: number, n: number, id: string): Exchange => ({ ...turn(`O${c}X`, 20 + n, 1, sharedOf(c)), id });

/** The prune is inside its content sweep: every old exchange is gone and some content nodes are. */
const sweepUnderWay = async (db: Kysely<Database>, nodesBefore: number): Promise<boolean> =>
  (await countRows(db, 'exchanges', now - 30 * day)) === 0 && (await countRows(db, 'content_nodes')) < nodesBefore;

describe.each(dialects)('retention while capture writes ($kind)', ({ kind, skip, url }) => {
  it.skipIf(skip)(
    'lets capture commit between every batch of a large prune, content sweep included, and keeps what it references',
    async () => {
      const where = await url();
      const clock = new SteppingClock();
      const store = await openStore({ url: where, clock });
      const writer = await captureWriter(kind, where);
      try {
        const conversations = 60;
        await seedOld(store, conversations);
        const db = storeDatabase(store);
        const nodesBefore = await countRows(db, 'content_nodes');

        const pruning = store.retention.prune({ before: now - 30 * day, batchSize: 50, pauseMs: 1 });
        const written: Exchange[] = [];
        let sweepPauses = 0;
        // Bounded: the prune pauses once per batch (1 200 exchanges and ~1 300 nodes in batches of 50).
        for (let i = 0; i < 500; i++) {
          if ((await clock.pausedOr(pruning)) === 'done') break;
          const next = nextTurn(i % conversations, Math.floor(i / conversations), `01CAPTURE${String(i).padStart(4, '0')}`);
          await writer.write([next]);
          written.push(next);
          if (await sweepUnderWay(db, nodesBefore)) sweepPauses++;
          clock.step();
        }
        const result = await pruning;
        expect(result.exchanges).toBe(conversations * 20);
        expect(result.contentNodes).toBeGreaterThan(0);
        // Captures committed while the content sweep was part-way through, not only between exchange batches.
        expect(sweepPauses).toBeGreaterThanOrEqual(3);
        for (const e of written) {
          const got = await store.exchanges.get(e.id);
          expect(Buffer.from(got?.requestBody.bytes ?? []).equals(Buffer.from(e.requestBody.bytes))).toBe(true);
        }
      } finally {
        await writer.close();
        await store.close();
      }
    },
    60_000,
  );
});

describe.skipIf(!hasPostgres())('retention while a capture transaction is in flight (PostgreSQL)', () => {
  it('a sweep batch waits for a capture that found its nodes stored, then keeps them', async () => {
    const where = (await freshPostgresUrl()) ?? '';
    const clock = new SteppingClock();
    const store = await openStore({ url: where, clock });
    const writer = await openStore({ url: where });
    try {
      const conversations = 30;
      await seedOld(store, conversations);
      const db = storeDatabase(store);
      const nodesBefore = await countRows(db, 'content_nodes');
      const pruning = store.retention.prune({ before: now - 30 * day, batchSize: 20, pauseMs: 1 });
      // Bounded: step to the first pause inside the content sweep (600 exchanges, then ~650 nodes, in batches of 20).
      for (let i = 0; i < 100; i++) {
        expect(await clock.pausedOr(pruning)).toBe('paused');
        if (await sweepUnderWay(db, nodesBefore)) break;
        clock.step();
      }
      // Every conversation's next turn, in one capture transaction that has looked its history up
      // (most of it is still stored, doomed by the mark) and not committed yet.
      const next = Array.from({ length: conversations }, (_, c) => nextTurn(c, 0, `01INFLIGHT${String(c).padStart(4, '0')}`));
      let release = (): void => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let lookedUp = (): void => {};
      const looked = new Promise<void>((resolve) => {
        lookedUp = resolve;
      });
      const capturing = storeDatabase(writer)
        .transaction()
        .execute(async (trx) => {
          await insertExchanges(trx, next);
          lookedUp();
          await gate;
        });
      await looked;
      clock.step();
      // The next batch waits for the capture's commit (an advisory lock not granted in this database)
      // — without the content lock it would go through, delete the history the capture reuses and pause again.
      let batchPassed = false;
      void clock.paused().then(() => {
        batchPassed = true;
      });
      const waiting = async (): Promise<boolean> =>
        Number(
          (
            await sql<{ n: number }>`select count(*) as n from pg_locks l join pg_database d on d.oid = l.database
              where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`.execute(db)
          ).rows[0]?.n ?? 0,
        ) > 0;
      try {
        await until(async () => batchPassed || (await waiting()), 10_000);
      } finally {
        release();
        await capturing;
      }
      expect(batchPassed).toBe(false);
      // …and once it is in, the rest of the sweep runs (bounded: one step per remaining batch).
      for (let i = 0; i < 100; i++) {
        if ((await clock.pausedOr(pruning)) === 'done') break;
        clock.step();
      }
      const result = await pruning;
      expect(result.contentNodes).toBeGreaterThan(0);
      for (const e of next) {
        const got = await store.exchanges.get(e.id);
        expect(Buffer.from(got?.requestBody.bytes ?? []).equals(Buffer.from(e.requestBody.bytes))).toBe(true);
      }
    } finally {
      await writer.close();
      await store.close();
    }
  }, 60_000);
});
