import type { Exchange } from '@understudy/core';
import type { Kysely } from 'kysely';
import { saveContentNodes } from './content-nodes.js';
import { packExchanges } from './exchange-row.js';
import type { Database } from './schema.js';

// SQLite allows 32 766 bound parameters per statement; 27 columns a row leaves room for ~1 200.
const rowsPerStatement = 500;

/**
 * Inserts exchanges through kysely inside the caller's transaction: the content nodes their
 * request bodies reference first, then the rows. A duplicate id is ignored (captures are
 * idempotent). Returns the number of rows inserted.
 */
export async function insertExchanges(trx: Kysely<Database>, exchanges: readonly Exchange[]): Promise<number> {
  const { rows, nodes } = packExchanges(exchanges);
  await saveContentNodes(trx, nodes);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const result = await trx
      .insertInto('exchanges')
      .values(rows.slice(i, i + rowsPerStatement))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}
