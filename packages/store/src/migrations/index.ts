import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_replay.js';
import * as m0003 from './0003_canary.js';
import * as m0004 from './0004_egress.js';
import * as m0005 from './0005_canary_route.js';
import * as m0006 from './0006_content_nodes.js';
import * as m0007 from './0007_capture_runs.js';
import * as m0008 from './0008_exchange_seq.js';
import * as m0009 from './0009_exchange_indexes.js';

/** Every migration, by name; names sort in the order they run. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_replay': m0002,
  '0003_canary': m0003,
  '0004_egress': m0004,
  '0005_canary_route': m0005,
  '0006_content_nodes': m0006,
  '0007_capture_runs': m0007,
  '0008_exchange_seq': m0008,
  '0009_exchange_indexes': m0009,
};

/** A provider over statically imported migrations, so the same list runs from src and dist. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
