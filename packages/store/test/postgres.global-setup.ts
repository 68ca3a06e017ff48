import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a throwaway PostgreSQL cluster, or '' when none could be started. */
    postgresAdminUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL cluster on a loopback port for the test run, so store tests
 * run on both dialects. Without PostgreSQL binaries the PostgreSQL suites are skipped, unless
 * UNDERSTUDY_REQUIRE_PG=1 (set by CI), where a missing server fails the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startThrowawayPostgres();
  if (cluster === undefined) {
    if (process.env.UNDERSTUDY_REQUIRE_PG === '1')
      throw new Error('UNDERSTUDY_REQUIRE_PG=1 but no PostgreSQL binaries (initdb, pg_ctl) were found');
    project.provide('postgresAdminUrl', '');
    return () => {};
  }
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
