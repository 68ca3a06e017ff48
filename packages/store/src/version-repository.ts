import type { Clock, Version } from '@understudy/core';
import type { Kysely } from 'kysely';
import type { RoutingSignal } from './routing-changes.js';
import type { Database } from './schema.js';

export class VersionRepository {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #signal: RoutingSignal;

  constructor(db: Kysely<Database>, clock: Clock, signal: RoutingSignal) {
    this.#db = db;
    this.#clock = clock;
    this.#signal = signal;
  }

  /** Creates or replaces a version by name; taps serving it hear of the change (a new upstream applies at once). */
  async upsert(version: Version): Promise<void> {
    const headers = JSON.stringify(version.headers);
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('versions')
        .values({ name: version.name, upstream: version.upstream, headers, created_at: this.#clock.now() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ upstream: version.upstream, headers }))
        .execute();
      await this.#signal.notifyIn(trx, { version: version.name });
    });
    await this.#signal.published({ version: version.name });
  }

  async get(name: string): Promise<Version | undefined> {
    const row = await this.#db.selectFrom('versions').selectAll().where('name', '=', name).executeTakeFirst();
    return row === undefined ? undefined : toVersion(row);
  }

  async list(): Promise<Version[]> {
    const rows = await this.#db.selectFrom('versions').selectAll().orderBy('name').execute();
    return rows.map(toVersion);
  }
}

function toVersion(row: Database['versions']): Version {
  return { name: row.name, upstream: row.upstream, headers: JSON.parse(row.headers) as Record<string, string> };
}
