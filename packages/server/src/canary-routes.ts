import { type CanaryAction, type CanaryService, canaryActions } from '@understudy/canary';
import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { canaryEventsQuery, canaryListQuery } from './canary-query.js';
import type { ControlEnv } from './control-env.js';
import { noQuery, parseQuery, queryParams } from './parse-query.js';

async function jsonBody(c: { req: { text(): Promise<string> } }, optional: boolean): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '' && optional) return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UnderstudyError('bad_request', 'the body must be JSON', { cause });
  }
  // `null`, a number or an array parse fine but are no object to read fields from.
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UnderstudyError('bad_request', 'the body must be a JSON object');
  return body;
}

/**
 * `/api/canaries`: `POST /` (start), `GET /`, `GET /:id` (state and routing), `GET /:id/events`
 * (the ledger), `GET /:id/verify` (hash chain check), and `POST /:id/{pause,resume,approve,
 * promote,rollback}` with an optional `{ "reason" }`. Actions are idempotent; the token's name is
 * the actor the ledger records.
 */
export function canaryRoutes(deps: { store: Store; service: CanaryService }): Hono<ControlEnv> {
  const service = deps.service;
  const routes = new Hono<ControlEnv>();
  routes.post('/', async (c) => c.json(await service.create(await jsonBody(c, false), c.get('actor')), 201));
  routes.get('/', async (c) => {
    const { state } = parseQuery(canaryListQuery, queryParams(c));
    return c.json({ items: await service.list(state === undefined ? {} : { states: state.split(',') }) });
  });
  routes.get('/:id', async (c) => {
    parseQuery(noQuery, queryParams(c));
    const canary = await service.get(c.req.param('id'));
    const spec = canary.spec as { route?: string };
    const routing = (await deps.store.routing.get(spec.route ?? canary.stable)) ?? null;
    return c.json({ ...canary, routing });
  });
  routes.get('/:id/events', async (c) => {
    const { after = 0 } = parseQuery(canaryEventsQuery, queryParams(c));
    const items = await service.events(c.req.param('id'), { afterSeq: after });
    return c.json({ items, nextAfter: items.length === 0 ? null : (items.at(-1)?.seq ?? null) });
  });
  routes.get('/:id/verify', async (c) => {
    parseQuery(noQuery, queryParams(c));
    return c.json(await service.verify(c.req.param('id')));
  });
  routes.post('/:id/:action', async (c) => {
    const action = c.req.param('action');
    if (!(canaryActions as readonly string[]).includes(action))
      throw new UnderstudyError('not_found', `no canary action "${action}" (${canaryActions.join(', ')})`);
    const body = await jsonBody(c, true);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new UnderstudyError('invalid_input', 'the body must be a JSON object: { "reason"?: string }');
    const reason = 'reason' in body && typeof body.reason === 'string' ? body.reason.slice(0, 500) : undefined;
    return c.json(await service.act(c.req.param('id'), action as CanaryAction, c.get('actor'), reason));
  });
  return routes;
}
