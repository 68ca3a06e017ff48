import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';

/**
 * kysely's SQLite dialect with every transaction begun `BEGIN IMMEDIATE`. kysely begins them
 * deferred: the first read takes a WAL snapshot and the first write then upgrades it, which
 * SQLite refuses at once with SQLITE_BUSY_SNAPSHOT ("database is locked", no busy_timeout wait)
 * when another connection — the capture writer thread, another process — committed in between.
 * An immediate transaction takes the write lock first (waiting up to busy_timeout), so its reads
 * and writes see one state and the upgrade never happens. Our transactions all write.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
