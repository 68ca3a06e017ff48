import { type CompiledQuery, Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CanaryAnalysisRepository } from '../src/canary-analysis-repository.js';
import { ExchangeRepository } from '../src/exchange-repository.js';
import { migrate } from '../src/migrate.js';
import { openDialect } from '../src/open-dialect.js';
import { RetentionRepository } from '../src/retention.js';
import type { Database } from '../src/schema.js';
import { testExchange } from '../src/testing.js';
import { storeDialects } from './store-dialects.js';

/**
 * Every captured exchange pays one B-tree insert per secondary index of `exchanges`, so the
 * table keeps only the indexes a query needs (migration 0009). This checks both halves on both
 * engines: the index set, and that each query that needs an index still gets one in its plan —
 * the queries as the repositories really send them (captured from kysely's log), not copies.
 */
describe.each(storeDialects('us-exchange-indexes-'))('exchange indexes on $kind', ({ kind, skip, url }) => {
  let db: Kysely<Database> | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  /** A migrated database whose queries are recorded while `recording` is on. */
  async function open() {
    const opened = await openDialect(await url());
    const log: CompiledQuery[] = [];
    let recording = false;
    db = new Kysely<Database>({
      dialect: opened.dialect,
      log: (event) => {
        if (recording && event.level === 'query') log.push(event.query);
      },
    });
    await migrate(db, opened.kind);
    const record = async (work: () => Promise<unknown>): Promise<CompiledQuery[]> => {
      log.length = 0;
      recording = true;
      try {
        await work();
      } finally {
        recording = false;
      }
      return log.filter((q) => /from "exchanges"/.test(q.sql));
    };
    return { db, sqlite: opened.sqlite, record };
  }

  /** The plan of `query` as text; PostgreSQL is told to avoid sequential scans, as on a big table. */
  async function plan(on: Kysely<Database>, query: CompiledQuery): Promise<string> {
    if (kind === 'sqlite') {
      const rows = await on.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
      return rows.rows.map((r) => r.detail).join('\n');
    }
    return on.connection().execute(async (conn) => {
      await sql`set enable_seqscan = off`.execute(conn);
      const rows = await conn.executeQuery<Record<string, string>>({ ...query, sql: `explain ${query.sql}` });
      await sql`reset enable_seqscan`.execute(conn);
      return rows.rows.map((r) => Object.values(r).join(' ')).join('\n');
    });
  }

  async function indexes(on: Kysely<Database>): Promise<Record<string, string>> {
    const rows =
      kind === 'sqlite'
        ? await sql<{ name: string; def: string | null }>`
            select name, sql as def from sqlite_master where type = 'index' and tbl_name = 'exchanges'`.execute(on)
        : await sql<{ name: string; def: string }>`
            select indexname as name, indexdef as def from pg_indexes where tablename = 'exchanges'`.execute(on);
    return Object.fromEntries(rows.rows.map((r) => [r.name, (r.def ?? '').toLowerCase()]));
  }

  it.skipIf(skip)('keeps only the indexes a query needs, the parent index holding rows that have a parent', async () => {
    const { db } = await open();
    const found = await indexes(db);
    const secondary = Object.keys(found)
      .filter((name) => name.startsWith('exchanges_') && name !== 'exchanges_pkey' && name !== 'exchanges_seq')
      .sort();
    expect(secondary).toEqual(['exchanges_parent_id', 'exchanges_started_at', 'exchanges_version_started_at']);
    expect(found.exchanges_parent_id).toMatch(/where.*parent_id is not null/);
  });

  it.skipIf(skip)('the canary, retention, id and parent lookups each still use their index', async () => {
    const { db, sqlite, record } = await open();
    const exchanges = new ExchangeRepository(db, sqlite);
    await exchanges.insertMany([
      testExchange('01A', { startedAt: 1_000, version: 'stable' }),
      testExchange('01B', { startedAt: 2_000, version: 'candidate', durationMs: 5 }),
      testExchange('01C', { startedAt: 2_500, version: 'candidate', role: 'shadow', parentId: '01A' }),
    ]);
    const analysis = new CanaryAnalysisRepository(db);
    const retention = new RetentionRepository(db, kind);
    const expected: [string, () => Promise<unknown>, RegExp][] = [
      [
        'canary arm',
        () => analysis.armSums({ version: 'candidate', since: 0, until: 3_000 }, { latencies: true }),
        /exchanges_version_started_at/,
      ],
      [
        'canary request count',
        () => analysis.liveRequests({ version: 'candidate', since: 0, until: 3_000 }),
        /exchanges_version_started_at/,
      ],
      ['retention candidates', () => retention.prune({ before: 1_500, dryRun: true }), /exchanges_started_at/],
      ['children of an exchange', () => exchanges.list({ parentId: '01A' }), /exchanges_parent_id/],
      ['one exchange', () => exchanges.get('01B'), kind === 'sqlite' ? /sqlite_autoindex_exchanges_1/ : /exchanges_pkey/],
    ];
    for (const [what, work, index] of expected) {
      const queries = await record(work);
      expect(queries.length, what).toBeGreaterThan(0);
      for (const query of queries) expect(await plan(db, query), `${what}: ${query.sql}`).toMatch(index);
    }
    expect((await exchanges.list({ parentId: '01A' })).items.map((e) => e.id)).toEqual(['01C']);
    expect(await analysis.liveRequests({ version: 'candidate', since: 0, until: 3_000 })).toBe(1);
  });
});
