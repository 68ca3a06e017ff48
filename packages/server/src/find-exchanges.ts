import type { Exchange } from '@understudy/core';
import type { Store } from '@understudy/store';
import { exchangeCursor, parseExchangeQuery } from './exchange-query.js';

/**
 * One page of exchanges for the API's filters (as `GET /api/exchanges` and the dashboard's list
 * read them), its `nextCursor` in the opaque form both hand back: one reader, one cursor.
 */
export async function findExchanges(
  store: Store,
  query: Record<string, string>,
): Promise<{ items: Exchange[]; nextCursor: string | null }> {
  const { filter, page } = parseExchangeQuery(query);
  const result = await store.exchanges.list(filter, page);
  return { items: result.items, nextCursor: result.nextCursor === null ? null : exchangeCursor(result.nextCursor) };
}
