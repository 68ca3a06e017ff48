import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/**
 * One live canary per route, held by the database: a `route` column and a unique index over it
 * for the canaries not yet final, so two racing creates cannot both pass a read-then-insert check.
 * A partial unique index reads the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('canaries').addColumn('route', 'varchar(64)').execute();
  // Existing live canaries keep their route; where earlier races left two live on one route, the
  // newest keeps the claim and the other stays unclaimed (NULL) rather than failing the upgrade.
  const rows = await sql<{ id: string; spec: string; stable: string }>`
    select id, spec, stable from canaries where state not in ('promoted', 'rolled_back', 'aborted') order by id desc`.execute(db);
  const claimed = new Set<string>();
  for (const row of rows.rows) {
    const route = routeOf(row.spec, row.stable);
    if (claimed.has(route)) continue;
    claimed.add(route);
    await sql`update canaries set route = ${route} where id = ${row.id}`.execute(db);
  }
  await db.schema
    .createIndex('canaries_live_route')
    .on('canaries')
    .column('route')
    .unique()
    .where(sql<boolean>`state not in ('promoted', 'rolled_back', 'aborted')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('canaries_live_route').execute();
  await db.schema.alterTable('canaries').dropColumn('route').execute();
}

function routeOf(spec: string, stable: string): string {
  try {
    const route = (JSON.parse(spec) as { route?: unknown }).route;
    return typeof route === 'string' ? route : stable;
  } catch {
    return stable;
  }
}
