import { type Clock, systemClock } from '@understudy/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { canaryFinalStates } from './canary-record.js';
import { sweepContentNodes } from './content-sweep.js';
import type { StoreKind } from './open-dialect.js';
import type { Database } from './schema.js';

export interface PruneOptions {
  /** Exchanges that started before this epoch ms are pruned (unless something still needs them). */
  readonly before: number;
  /** Count what would go, delete nothing. */
  readonly dryRun?: boolean;
  /** Exchanges (and content nodes) deleted per transaction (default 500): capture writes get the store between batches. */
  readonly batchSize?: number;
  /** Pause between batches (default 10 ms), so a long prune never holds the store for long. */
  readonly pauseMs?: number;
  /** Reclaim the file's free pages on SQLite afterwards (`full`: VACUUM; `incremental`: incremental_vacuum). Default none. */
  readonly vacuum?: 'full' | 'incremental' | 'none';
}

export interface PruneResult {
  /** The cut-off asked for. */
  readonly before: number;
  /** The cut-off applied: earlier when an active canary or a running replay still needs older exchanges. */
  readonly appliedBefore: number;
  /** Why `appliedBefore` is earlier, e.g. `canary 01H… (active)`. */
  readonly heldBy: readonly string[];
  /** Exchanges deleted (or, on a dry run, that would be). */
  readonly exchanges: number;
  /** Content nodes no remaining exchange reaches any more, deleted (0 on a dry run). */
  readonly contentNodes: number;
  /** SQLite file pages given back by the vacuum (0 on PostgreSQL or without vacuum). */
  readonly freedPages: number;
}

/**
 * Retention: deletes exchanges older than a cut-off in bounded batches, each its own short
 * transaction, so capture keeps writing while a prune runs. Never deletes what is still needed:
 * nothing at or after the start of an active canary (its analysis reads that window), nothing a
 * running replay may still select (from its `since`, or everything while it has none), and no
 * exchange a replay result names (original, candidate or baseline: replay runs are the evidence
 * canary ledgers and CI gates cite). Shadow comparisons and tool calls of a deleted exchange go
 * with it; content nodes no remaining exchange reaches are swept at the end, also in batches
 * (see `sweepContentNodes`).
 */
export class RetentionRepository {
  readonly #db: Kysely<Database>;
  readonly #kind: StoreKind;
  readonly #clock: Clock;
  readonly #sqlite: SqliteDatabase | undefined;

  /** `sqlite` is the connection under `db` on SQLite: `incremental_vacuum` frees one page per step, and only `exec` steps it to the end. */
  constructor(db: Kysely<Database>, kind: StoreKind, clock: Clock = systemClock, sqlite?: SqliteDatabase) {
    this.#db = db;
    this.#kind = kind;
    this.#clock = clock;
    this.#sqlite = sqlite;
  }

  async prune(options: PruneOptions): Promise<PruneResult> {
    const { appliedBefore, heldBy } = await this.#cutOff(options.before);
    const batchSize = Math.max(1, options.batchSize ?? 500);
    if (options.dryRun === true) {
      const row = await this.#candidates(appliedBefore)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { before: options.before, appliedBefore, heldBy, exchanges: Number(row.n), contentNodes: 0, freedPages: 0 };
    }
    let exchanges = 0;
    // Bounded: each batch deletes at least one row or ends the loop.
    for (;;) {
      const ids = (await this.#candidates(appliedBefore).select('exchanges.id').limit(batchSize).execute()).map((r) => r.id);
      if (ids.length === 0) break;
      await this.#db.transaction().execute(async (trx) => {
        await trx.deleteFrom('shadow_comparisons').where('exchange_id', 'in', ids).execute();
        await trx.deleteFrom('shadow_comparisons').where('parent_id', 'in', ids).execute();
        await trx.deleteFrom('tool_calls').where('exchange_id', 'in', ids).execute();
        await trx.deleteFrom('exchanges').where('id', 'in', ids).execute();
      });
      exchanges += ids.length;
      if (ids.length < batchSize) break;
      await this.#pause(options.pauseMs ?? 10);
    }
    const contentNodes =
      exchanges === 0 ? 0 : await sweepContentNodes(this.#db, this.#kind, { batchSize, pause: () => this.#pause(options.pauseMs ?? 10) });
    const freedPages = await this.#vacuum(options.vacuum ?? 'none');
    return { before: options.before, appliedBefore, heldBy, exchanges, contentNodes, freedPages };
  }

  /** Exchanges before `before` that no replay result names. */
  #candidates(before: number) {
    return this.#db
      .selectFrom('exchanges')
      .where('exchanges.started_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('replay_results')
              .select('replay_results.run_id')
              .where((eb) =>
                eb.or([
                  eb('replay_results.exchange_id', '=', eb.ref('exchanges.id')),
                  eb('replay_results.candidate_id', '=', eb.ref('exchanges.id')),
                  eb('replay_results.baseline_id', '=', eb.ref('exchanges.id')),
                ]),
              ),
          ),
        ),
      );
  }

  async #cutOff(before: number): Promise<{ appliedBefore: number; heldBy: string[] }> {
    let applied = before;
    const heldBy: string[] = [];
    const canaries = await this.#db
      .selectFrom('canaries')
      .select(['id', 'created_at'])
      .where('state', 'not in', [...canaryFinalStates])
      .where('created_at', '<', before)
      .execute();
    for (const c of canaries) {
      applied = Math.min(applied, Number(c.created_at));
      heldBy.push(`canary ${c.id} (active)`);
    }
    const runs = await this.#db.selectFrom('replay_runs').select(['id', 'spec']).where('status', '=', 'running').execute();
    for (const run of runs) {
      const since = sinceOf(run.spec);
      if (since >= before) continue;
      applied = Math.min(applied, since);
      heldBy.push(`replay ${run.id} (running)`);
    }
    return { appliedBefore: applied, heldBy };
  }

  async #vacuum(mode: 'full' | 'incremental' | 'none'): Promise<number> {
    const sqlite = this.#sqlite;
    if (sqlite === undefined || mode === 'none') return 0;
    const pages = async () => Number((await sql<{ page_count: number }>`pragma page_count`.execute(this.#db)).rows[0]?.page_count ?? 0);
    const start = await pages();
    if (mode === 'full') {
      // Also turns incremental auto-vacuum on for a file created before it was the default.
      await sql`pragma auto_vacuum = incremental`.execute(this.#db);
      await sql`vacuum`.execute(this.#db);
    } else {
      // Through kysely's connection, so its mutex keeps other statements off it meanwhile.
      await this.#db.connection().execute(async () => sqlite.exec('pragma incremental_vacuum'));
    }
    return Math.max(0, start - (await pages()));
  }

  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => this.#clock.setTimeout(resolve, ms));
  }
}

function sinceOf(spec: string): number {
  try {
    const since = (JSON.parse(spec) as { since?: unknown }).since;
    return typeof since === 'number' ? since : 0;
  } catch {
    return 0;
  }
}
