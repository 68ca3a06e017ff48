import type { Exchange } from '@understudy/core';
import type { Kysely } from 'kysely';
import { readExchanges } from './exchange-row.js';
import type { ShadowComparisonRecord } from './replay-records.js';
import type { Database, ShadowComparisonsTable } from './schema.js';

/** Comparisons of live shadow exchanges with their parents, written by the shadow worker. */
export class ShadowComparisonRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Shadow exchanges (id > `afterId`) that have no comparison yet, oldest first. */
  async pending(afterId: string | null, limit: number): Promise<Exchange[]> {
    let query = this.#db
      .selectFrom('exchanges')
      .leftJoin('shadow_comparisons', 'shadow_comparisons.exchange_id', 'exchanges.id')
      .selectAll('exchanges')
      .where('exchanges.role', '=', 'shadow')
      .where('shadow_comparisons.exchange_id', 'is', null);
    if (afterId !== null) query = query.where('exchanges.id', '>', afterId);
    const rows = await query.orderBy('exchanges.id').limit(Math.max(1, limit)).execute();
    return readExchanges(this.#db, rows);
  }

  /** Stores comparisons; one already stored for the same shadow exchange is kept. */
  async insertMany(records: readonly ShadowComparisonRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.#db
      .insertInto('shadow_comparisons')
      .values(records.map(toRow))
      .onConflict((oc) => oc.column('exchange_id').doNothing())
      .execute();
  }

  async get(exchangeId: string): Promise<ShadowComparisonRecord | undefined> {
    const row = await this.#db.selectFrom('shadow_comparisons').selectAll().where('exchange_id', '=', exchangeId).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Newest first, optionally since an epoch ms. */
  async list(options: { since?: number; limit?: number } = {}): Promise<ShadowComparisonRecord[]> {
    let query = this.#db.selectFrom('shadow_comparisons').selectAll();
    if (options.since !== undefined) query = query.where('created_at', '>=', options.since);
    const rows = await query
      .orderBy('exchange_id', 'desc')
      .limit(Math.min(Math.max(options.limit ?? 50, 1), 1000))
      .execute();
    return rows.map(fromRow);
  }
}

function toRow(r: ShadowComparisonRecord): ShadowComparisonsTable {
  return {
    exchange_id: r.exchangeId,
    parent_id: r.parentId,
    endpoint: r.endpoint,
    verdict: r.verdict,
    score: r.score,
    score_over_noise: r.scoreOverNoise,
    report: r.report === null ? null : JSON.stringify(r.report),
    created_at: r.createdAt,
  };
}

function fromRow(r: ShadowComparisonsTable): ShadowComparisonRecord {
  return {
    exchangeId: r.exchange_id,
    parentId: r.parent_id,
    endpoint: r.endpoint,
    verdict: r.verdict,
    score: r.score,
    scoreOverNoise: r.score_over_noise,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    createdAt: Number(r.created_at),
  };
}
