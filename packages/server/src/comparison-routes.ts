import type { Redactor } from '@understudy/capture';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { comparisonDetail } from './comparison-detail.js';
import { parseComparisonQuery } from './comparison-query.js';
import type { ControlEnv } from './control-env.js';
import { findComparisons } from './find-comparisons.js';
import { noQuery, parseQuery, queryParams } from './parse-query.js';

/**
 * `GET /api/comparisons` — live-shadow and replay comparisons, newest first, filtered by
 * `source`, `verdict`, `category`, `run`, `canary`, `version`, `path`, `since`/`until`, paged by
 * `cursor` — and `GET /api/comparisons/:id` (both exchanges, the baselines, the full report).
 */
export function comparisonRoutes(store: Store, redactor?: Redactor): Hono<ControlEnv> {
  const routes = new Hono<ControlEnv>();
  routes.get('/', async (c) => {
    const page = await findComparisons(store, parseComparisonQuery(queryParams(c)));
    return c.json({ items: page.items.map(({ report: _r, baselineReport: _b, ...rest }) => rest), nextCursor: page.nextCursor });
  });
  routes.get('/:id', async (c) => {
    parseQuery(noQuery, queryParams(c));
    return c.json(await comparisonDetail(store, c.req.param('id'), redactor));
  });
  return routes;
}
