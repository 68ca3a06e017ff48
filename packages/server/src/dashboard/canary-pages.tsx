import { type CanaryAction, type CanaryService, canaryActions, parseCanarySpec, routeOf } from '@understudy/canary';
import { type Clock, UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import type { ControlEnv } from '../control-env.js';
import { CanaryListPage } from './canary-list-page.js';
import { CanaryPage } from './canary-page.js';
import { frameOf } from './frame.js';

/**
 * `/canaries`, `/canaries/:id`, and `POST /canaries/:id/:action` — the dashboard's buttons, as
 * form posts (the global middleware has already required an operate token and, for the session
 * cookie, the dashboard's own Origin). The token's name is the actor in the ledger.
 */
export function canaryPages(deps: { store: Store; clock: Clock; service: CanaryService }): Hono<ControlEnv> {
  const pages = new Hono<ControlEnv>();
  pages.get('/canaries', async (c) => c.html(<CanaryListPage frame={frameOf(c)} canaries={await deps.service.list({ limit: 200 })} />));
  pages.get('/canaries/:id', async (c) => {
    const canary = await deps.service.get(c.req.param('id'));
    const spec = parseCanarySpec(canary.spec);
    const events = await deps.service.events(canary.id, { limit: 5000 });
    const now = deps.clock.now();
    const inStep =
      canary.stepStartedAt === null
        ? null
        : await deps.store.scan.count({ version: canary.candidate, role: 'live', since: canary.stepStartedAt, until: now + 1 });
    return c.html(
      <CanaryPage
        frame={frameOf(c)}
        canary={canary}
        steps={spec.steps}
        events={events}
        routing={(await deps.store.routing.get(routeOf(spec))) ?? null}
        candidateRequestsInStep={inStep}
        now={now}
      />,
    );
  });
  pages.post('/canaries/:id/:action', async (c) => {
    const action = c.req.param('action');
    if (!(canaryActions as readonly string[]).includes(action))
      throw new UnderstudyError('not_found', `no canary action "${action}" (${canaryActions.join(', ')})`);
    const form = await c.req.parseBody();
    const reason = typeof form.reason === 'string' && form.reason !== '' ? form.reason.slice(0, 500) : undefined;
    const id = c.req.param('id');
    await deps.service.act(id, action as CanaryAction, c.get('actor'), reason);
    return c.redirect(`/canaries/${id}`, 303);
  });
  return pages;
}
