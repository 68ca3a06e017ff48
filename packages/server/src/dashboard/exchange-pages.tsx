import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import type { ControlEnv } from '../control-env.js';
import { findExchanges } from '../find-exchanges.js';
import { ExchangeListPage } from './exchange-list-page.js';
import { ExchangePage } from './exchange-page.js';
import { frameOf } from './frame.js';

/** `/exchanges` (the API's filters) and `/exchanges/:id`. */
export function exchangePages(store: Store): Hono<ControlEnv> {
  const pages = new Hono<ControlEnv>();
  pages.get('/exchanges', async (c) => {
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const { items, nextCursor } = await findExchanges(store, query);
    return c.html(<ExchangeListPage frame={frameOf(c)} query={query} items={items} nextCursor={nextCursor} />);
  });
  pages.get('/exchanges/:id', async (c) => {
    const id = c.req.param('id');
    const exchange = await store.exchanges.get(id);
    if (exchange === undefined) throw new UnderstudyError('not_found', `no exchange with id "${id}"`);
    const [children, asOriginal, asCandidate, toolCalls] = await Promise.all([
      store.exchanges.list({ parentId: id }, { limit: 50 }),
      store.comparisons.list({ originalId: id }, { limit: 50 }),
      store.comparisons.get(id),
      exchange.role === 'live' ? store.toolCalls.recorded(id) : store.toolCalls.ofAttempt(id),
    ]);
    const comparisons = asCandidate === undefined ? asOriginal.items : [asCandidate, ...asOriginal.items];
    return c.html(
      <ExchangePage frame={frameOf(c)} exchange={exchange} derived={children.items} comparisons={comparisons} toolCalls={toolCalls} />,
    );
  });
  return pages;
}
