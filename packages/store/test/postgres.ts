import pg from 'pg';
import { inject } from 'vitest';

let counter = 0;

/**
 * A fresh, empty database on the test run's PostgreSQL cluster, or `undefined` when the run
 * has none. Each call gets its own database, so test files running in parallel never meet.
 */
export async function freshPostgresUrl(): Promise<string | undefined> {
  const admin = inject('postgresAdminUrl');
  if (admin === '') return undefined;
  const name = `understudy_${process.pid}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}

/** Whether this run has a PostgreSQL cluster (for `describe.skipIf`). */
export function hasPostgres(): boolean {
  return inject('postgresAdminUrl') !== '';
}
