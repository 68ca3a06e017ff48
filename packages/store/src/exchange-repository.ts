import { type Exchange, type ExchangeRole, UnderstudyError } from '@understudy/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { sqliteContentNodeWriter } from './content-nodes.js';
import { type PackedExchange, packExchange, readExchanges } from './exchange-row.js';
import { globToLike } from './glob-to-like.js';
import { insertExchanges } from './insert-exchanges.js';
import type { Database, ExchangesTable } from './schema.js';

export interface ExchangeFilter {
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Exact path, or a glob where `*` matches any run of characters. */
  path?: string;
  method?: string;
  /** An exact status (`200`) or a class (`5xx`). */
  status?: string;
  version?: string;
  role?: ExchangeRole;
  parentId?: string;
}

export interface ExchangePage {
  readonly items: Exchange[];
  /** Pass back as `cursor` for the next (older) page; `null` at the end. */
  readonly nextCursor: string | null;
}

/**
 * Inserts rows and their content nodes in one SQLite transaction through cached prepared
 * statements: the first exchange packed, the rest packed one by one as they are inserted.
 */
type SqliteInsert = (first: PackedExchange, rest: Iterator<Exchange>, captureRun: string | undefined) => void;

export class ExchangeRepository {
  readonly #db: Kysely<Database>;
  readonly #sqlite: SqliteDatabase | undefined;
  #sqliteInsert: SqliteInsert | undefined;

  /**
   * `sqlite` is the connection under `db` when the store is SQLite: captures, the hottest
   * write, then skip kysely's per-batch compile of a multi-row INSERT.
   */
  constructor(db: Kysely<Database>, sqlite?: SqliteDatabase) {
    this.#db = db;
    this.#sqlite = sqlite;
  }

  /**
   * Inserts a batch in one transaction; a duplicate id is ignored (captures are idempotent).
   * With `captureRun`, the rows inserted are added to that run's `stored` count in the same
   * transaction, so the count never disagrees with the rows (see CaptureRunRepository).
   */
  async insertMany(exchanges: Iterable<Exchange>, captureRun?: string): Promise<void> {
    if (this.#sqlite !== undefined) {
      // On SQLite each exchange is packed as it is inserted: a lazy iterable (the capture writer
      // builds each exchange as it is asked for it) then never holds the whole batch at once.
      const rest = exchanges[Symbol.iterator]();
      const next = rest.next();
      if (next.done === true) return;
      const first = packExchange(next.value);
      this.#sqliteInsert ??= this.#compileSqliteInsert(this.#sqlite, first.row);
      const insert = this.#sqliteInsert;
      // Through kysely's connection, so that its mutex keeps any kysely transaction off the
      // single SQLite connection while this synchronous one runs.
      await this.#db.connection().execute(async () => insert(first, rest, captureRun));
      return;
    }
    const all = Array.from(exchanges);
    if (all.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      const inserted = await insertExchanges(trx, all);
      if (captureRun !== undefined) await countStored(trx, captureRun, inserted);
    });
  }

  /**
   * Compiles ONE single-row INSERT with kysely (the same SQL the multi-row path emits, one row
   * of it) and prepares it once: per batch, only `run` per row inside one transaction. The
   * bound parameters follow the row's keys, which `toExchangeRow` always emits in one order.
   */
  #compileSqliteInsert(sqlite: SqliteDatabase, sample: ExchangesTable): SqliteInsert {
    const columns = Object.keys(sample) as (keyof ExchangesTable)[];
    const compiled = this.#db
      .insertInto('exchanges')
      .values(sample)
      .onConflict((oc) => oc.column('id').doNothing())
      .compile();
    if (
      compiled.parameters.length !== columns.length ||
      compiled.parameters.some((p, i) => p !== sample[columns[i] as keyof ExchangesTable])
    )
      throw new UnderstudyError('internal', 'compiled exchange INSERT does not bind one parameter per column in row order');
    const statement = sqlite.prepare(compiled.sql);
    const writeNodes = sqliteContentNodeWriter(this.#db, sqlite);
    const tally = this.#db
      .updateTable('capture_runs')
      .set((eb) => ({ stored: eb('stored', '+', 0) }))
      .where('id', '=', '')
      .compile();
    const countRows = sqlite.prepare(tally.sql);
    const insert = sqlite.transaction((first: PackedExchange, rest: Iterator<Exchange>, captureRun: string | undefined) => {
      const written = new Set<string>();
      let inserted = 0;
      for (let packed: PackedExchange | undefined = first; packed !== undefined; ) {
        writeNodes(packed.nodes, written);
        const row = packed.row;
        inserted += statement.run(columns.map((c) => row[c])).changes;
        const next = rest.next();
        packed = next.done === true ? undefined : packExchange(next.value);
      }
      if (captureRun !== undefined) countRows.run(inserted, captureRun);
    });
    // Write lock first, like every transaction of the store (see ImmediateSqliteDialect).
    return (first, rest, captureRun) => insert.immediate(first, rest, captureRun);
  }

  async get(id: string): Promise<Exchange | undefined> {
    const row = await this.#db.selectFrom('exchanges').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await readExchanges(this.#db, [row]))[0];
  }

  /** Newest first, paged by id (ids sort by start time). */
  async list(filter: ExchangeFilter = {}, page: { limit?: number; cursor?: string } = {}): Promise<ExchangePage> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
    let query = this.#db.selectFrom('exchanges').selectAll();
    if (filter.since !== undefined) query = query.where('started_at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('started_at', '<', filter.until);
    if (filter.method !== undefined) query = query.where('method', '=', filter.method.toUpperCase());
    if (filter.version !== undefined) query = query.where('version', '=', filter.version);
    if (filter.role !== undefined) query = query.where('role', '=', filter.role);
    if (filter.parentId !== undefined) query = query.where('parent_id', '=', filter.parentId);
    if (filter.path !== undefined) {
      query = filter.path.includes('*')
        ? query.where(sql<boolean>`path like ${globToLike(filter.path)} escape '\\'`)
        : query.where('path', '=', filter.path);
    }
    if (filter.status !== undefined) {
      const range = statusRange(filter.status);
      query = query.where('status', '>=', range[0]).where('status', '<=', range[1]);
    }
    if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const items = await readExchanges(this.#db, rows.slice(0, limit));
    return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('exchanges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** Adds `rows` to a capture run's stored count, inside the batch's transaction. */
async function countStored(trx: Kysely<Database>, captureRun: string, rows: number): Promise<void> {
  await trx
    .updateTable('capture_runs')
    .set((eb) => ({ stored: eb('stored', '+', rows) }))
    .where('id', '=', captureRun)
    .execute();
}

/** `200` → [200, 200]; `5xx` → [500, 599]. */
export function statusRange(status: string): [number, number] {
  const exact = /^[1-5]\d\d$/.exec(status);
  if (exact) return [Number(status), Number(status)];
  const cls = /^([1-5])xx$/i.exec(status);
  if (cls) return [Number(cls[1]) * 100, Number(cls[1]) * 100 + 99];
  throw new UnderstudyError('invalid_input', `status filter must be a code like 200 or a class like 5xx, got "${status}"`);
}
