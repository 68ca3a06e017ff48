import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { exchangeToJson } from './exchange-json.js';
import { parseExchangeQuery } from './exchange-query.js';

/** `GET /api/exchanges` (filters, newest first, cursor paging) and `GET /api/exchanges/:id`. */
export function exchangeRoutes(store: Store): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    const { filter, page } = parseExchangeQuery(c.req.query());
    const result = await store.exchanges.list(filter, page);
    return c.json({ items: result.items.map(exchangeToJson), nextCursor: result.nextCursor });
  });
  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const exchange = await store.exchanges.get(id);
    if (exchange === undefined) throw new UnderstudyError('not_found', `no exchange with id "${id}"`);
    return c.json(exchangeToJson(exchange));
  });
  return routes;
}
