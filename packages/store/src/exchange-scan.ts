import type { Exchange } from '@understudy/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { ExchangeFilter } from './exchange-repository.js';
import { statusRange } from './exchange-repository.js';
import { readExchanges } from './exchange-row.js';
import { globToLike } from './glob-to-like.js';
import { insertExchanges } from './insert-exchanges.js';
import type { Database } from './schema.js';

/**
 * Oldest-first streaming over exchanges, for replays and exports: pages are keyed by id (ids
 * sort by start time), so memory stays flat however many rows match. Also the all-or-nothing
 * insert behind imports.
 */
export class ExchangeScan {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Up to `limit` exchanges matching `filter` with id greater than `afterId`, oldest first. */
  async page(filter: ExchangeFilter, afterId: string | null, limit: number): Promise<Exchange[]> {
    let query = filtered(this.#db.selectFrom('exchanges').selectAll(), filter);
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(Math.max(1, limit)).execute();
    return readExchanges(this.#db, rows);
  }

  /** Every matching exchange, oldest first, fetched `pageSize` at a time. */
  async *iterate(filter: ExchangeFilter, pageSize = 500): AsyncGenerator<Exchange> {
    let after: string | null = null;
    for (;;) {
      const items = await this.page(filter, after, pageSize);
      yield* items;
      const last = items.at(-1);
      if (last === undefined || items.length < pageSize) return;
      after = last.id;
    }
  }

  async count(filter: ExchangeFilter): Promise<number> {
    const row = await filtered(
      this.#db.selectFrom('exchanges').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Inserts every batch of `source` in ONE transaction: if the source throws part-way (a
   * malformed entry), nothing is kept. Duplicate ids are ignored. Returns the rows inserted.
   */
  async insertAtomically(source: AsyncIterable<readonly Exchange[]>): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      let inserted = 0;
      for await (const batch of source) inserted += await insertExchanges(trx, batch);
      return inserted;
    });
  }
}

function filtered<O>(
  query: SelectQueryBuilder<Database, 'exchanges', O>,
  filter: ExchangeFilter,
): SelectQueryBuilder<Database, 'exchanges', O> {
  let q = query;
  if (filter.since !== undefined) q = q.where('started_at', '>=', filter.since);
  if (filter.until !== undefined) q = q.where('started_at', '<', filter.until);
  if (filter.method !== undefined) q = q.where('method', '=', filter.method.toUpperCase());
  if (filter.version !== undefined) q = q.where('version', '=', filter.version);
  if (filter.role !== undefined) q = q.where('role', '=', filter.role);
  if (filter.parentId !== undefined) q = q.where('parent_id', '=', filter.parentId);
  if (filter.path !== undefined) {
    q = filter.path.includes('*')
      ? q.where(sql<boolean>`path like ${globToLike(filter.path)} escape '\\'`)
      : q.where('path', '=', filter.path);
  }
  if (filter.status !== undefined) {
    const [low, high] = statusRange(filter.status);
    q = q.where('status', '>=', low).where('status', '<=', high);
  }
  return q;
}
