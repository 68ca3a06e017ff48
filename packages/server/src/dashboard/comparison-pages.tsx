import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { parseComparisonQuery } from '../comparison-query.js';
import type { ControlEnv } from '../control-env.js';
import { findComparisons } from '../find-comparisons.js';
import { ComparisonListPage } from './comparison-list-page.js';
import { ComparisonPage } from './comparison-page.js';
import { frameOf } from './frame.js';

/** `/comparisons` (the list, with the API's filters) and `/comparisons/:id` (side by side). */
export function comparisonPages(store: Store): Hono<ControlEnv> {
  const pages = new Hono<ControlEnv>();
  pages.get('/comparisons', async (c) => {
    // An empty form field means "any": drop it before validating.
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const page = await findComparisons(store, parseComparisonQuery(query));
    return c.html(<ComparisonListPage frame={frameOf(c)} query={query} items={page.items} nextCursor={page.nextCursor} />);
  });
  pages.get('/comparisons/:id', async (c) => {
    const id = c.req.param('id');
    const comparison = await store.comparisons.get(id);
    if (comparison === undefined) throw new UnderstudyError('not_found', `no comparison with id "${id}"`);
    const [original, candidate, baseline] = await Promise.all([
      store.exchanges.get(comparison.originalId),
      comparison.candidateId === null ? undefined : store.exchanges.get(comparison.candidateId),
      comparison.baselineId === null ? undefined : store.exchanges.get(comparison.baselineId),
    ]);
    return c.html(
      <ComparisonPage frame={frameOf(c)} comparison={comparison} original={original} candidate={candidate} baseline={baseline} />,
    );
  });
  return pages;
}
