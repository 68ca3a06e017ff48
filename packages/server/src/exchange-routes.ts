import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { exchangeToJson } from './exchange-json.js';
import { findExchanges } from './find-exchanges.js';
import { noQuery, parseQuery, queryParams } from './parse-query.js';

/** `GET /api/exchanges` (filters, newest first, cursor paging) and `GET /api/exchanges/:id`. */
export function exchangeRoutes(store: Store): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    const { items, nextCursor } = await findExchanges(store, queryParams(c));
    return c.json({ items: items.map(exchangeToJson), nextCursor });
  });
  routes.get('/:id', async (c) => {
    parseQuery(noQuery, queryParams(c));
    const id = c.req.param('id');
    const exchange = await store.exchanges.get(id);
    if (exchange === undefined) throw new UnderstudyError('not_found', `no exchange with id "${id}"`);
    return c.json(exchangeToJson(exchange));
  });
  return routes;
}
