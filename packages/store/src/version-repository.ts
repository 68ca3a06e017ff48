import type { Clock, Version } from '@understudy/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class VersionRepository {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;

  constructor(db: Kysely<Database>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Creates or replaces a version by name. */
  async upsert(version: Version): Promise<void> {
    const headers = JSON.stringify(version.headers);
    await this.#db
      .insertInto('versions')
      .values({ name: version.name, upstream: version.upstream, headers, created_at: this.#clock.now() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ upstream: version.upstream, headers }))
      .execute();
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
