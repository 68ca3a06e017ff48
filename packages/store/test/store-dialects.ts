import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl, hasPostgres } from './postgres.js';

/** A fresh SQLite file (in its own temporary directory) and, when the run has one, a fresh PostgreSQL database. */
export function storeDialects(prefix: string) {
  return [
    { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), prefix)), 'x.db') },
    { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
  ] as const;
}
