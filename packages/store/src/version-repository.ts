import type { Clock, Version } from '@understudy/core';
import type { Kysely } from 'kysely';
import type { RoutingSignal } from './routing-changes.js';
import type { Database } from './schema.js';
import type { VersionSecrets } from './version-secrets.js';

export class VersionRepository {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #signal: RoutingSignal;
  readonly #secrets: VersionSecrets | undefined;

  /** With `secrets`, header values are kept sealed at rest (see {@link VersionSecrets}). */
  constructor(db: Kysely<Database>, clock: Clock, signal: RoutingSignal, secrets?: VersionSecrets) {
    this.#db = db;
    this.#clock = clock;
    this.#signal = signal;
    this.#secrets = secrets;
  }

  /** Creates or replaces a version by name; taps serving it hear of the change (a new upstream applies at once). */
  async upsert(version: Version): Promise<void> {
    const headers = JSON.stringify(this.#secrets?.seal(version.headers) ?? version.headers);
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
    return row === undefined ? undefined : this.#toVersion(row);
  }

  async list(): Promise<Version[]> {
    const rows = await this.#db.selectFrom('versions').selectAll().orderBy('name').execute();
    return rows.map((row) => this.#toVersion(row));
  }

  /**
   * Seals header values stored in the clear (before sealing existed, or by a process without
   * the key) in place; returns how many versions it rewrote. The synthetic IV makes this
   * idempotent and safe when several processes open the store at once. Taps are not told: the
   * values they send are the same.
   */
  async sealStoredHeaders(): Promise<number> {
    const secrets = this.#secrets;
    if (secrets === undefined) return 0;
    const rows = await this.#db.selectFrom('versions').select(['name', 'headers']).execute();
    let sealed = 0;
    for (const row of rows) {
      const headers = JSON.parse(row.headers) as Record<string, string>;
      if (!secrets.hasPlain(headers)) continue;
      const stored = JSON.stringify(secrets.seal(secrets.open(row.name, headers)));
      await this.#db
        .updateTable('versions')
        .set({ headers: stored })
        .where('name', '=', row.name)
        .where('headers', '=', row.headers)
        .execute();
      sealed += 1;
    }
    return sealed;
  }

  #toVersion(row: Database['versions']): Version {
    const headers = JSON.parse(row.headers) as Record<string, string>;
    return { name: row.name, upstream: row.upstream, headers: this.#secrets?.open(row.name, headers) ?? headers };
  }
}
