import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Small key/value settings the platform keeps beside its data. */
export class MetaRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.#db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.#db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** Sets `key` only if it has no value yet, and returns whichever value won. */
  async getOrInit(key: string, make: () => string): Promise<string> {
    await this.#db
      .insertInto('meta')
      .values({ key, value: make() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const value = await this.get(key);
    return value ?? make();
  }
}
