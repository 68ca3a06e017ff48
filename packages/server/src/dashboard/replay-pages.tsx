import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import type { ControlEnv } from '../control-env.js';
import { frameOf } from './frame.js';
import { ReplayListPage } from './replay-list-page.js';
import { ReplayPage } from './replay-page.js';

/** `/replays` and `/replays/:id`. */
export function replayPages(store: Store): Hono<ControlEnv> {
  const pages = new Hono<ControlEnv>();
  pages.get('/replays', async (c) => c.html(<ReplayListPage frame={frameOf(c)} runs={await store.replays.listRuns(100)} />));
  pages.get('/replays/:id', async (c) => {
    const id = c.req.param('id');
    const run = await store.replays.getRun(id);
    if (run === undefined) throw new UnderstudyError('not_found', `no replay run with id "${id}"`);
    return c.html(<ReplayPage frame={frameOf(c)} run={run} verdicts={await store.replays.countByVerdict(id)} />);
  });
  return pages;
}
