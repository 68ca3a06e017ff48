import { type Clock, type Logger, silentLogger, systemClock, UnderstudyError } from '@understudy/core';
import { createReplayer, type Replayer, type ReplaySpecInput } from '@understudy/replay';
import type { ReplayResultRecord, ReplayRunRecord, Store } from '@understudy/store';
import { Hono } from 'hono';

export interface ReplayRoutesDeps {
  readonly store: Store;
  /** The engine that runs replays in this process; one over `store` is made when absent. */
  readonly replayer?: Replayer;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

const verdictNames = new Set(['match', 'noise', 'regression', 'error']);

/**
 * `POST /api/replays` (starts a run in the background, answers 202 with its id),
 * `GET /api/replays` (newest first), `GET /api/replays/:id` (status, progress, verdict counts,
 * summary once finished), `GET /api/replays/:id/comparisons` (paged by `cursor`, `?verdict=`),
 * and `POST /api/replays/:id/resume` for a run interrupted by a crash.
 */
export function replayRoutes(deps: ReplayRoutesDeps): Hono {
  const logger = deps.logger ?? silentLogger;
  const replayer = deps.replayer ?? createReplayer({ store: deps.store, clock: deps.clock ?? systemClock, logger });
  const active = new Map<string, Promise<void>>();
  const routes = new Hono();

  const start = (id: string): void => {
    if (active.has(id)) return;
    const running = replayer
      .run(id)
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, runId: id }, 'replay run failed'),
      )
      .finally(() => active.delete(id));
    active.set(id, running);
  };

  routes.get('/', async (c) => {
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UnderstudyError('invalid_input', 'limit must be an integer from 1 to 1000');
    const runs = await deps.store.replays.listRuns(limit);
    return c.json({ items: runs.map((r) => runJson(r, active.has(r.id))) });
  });

  routes.post('/', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (cause) {
      throw new UnderstudyError('bad_request', 'the body must be a JSON replay spec: {"target", "baseline"?, "selection"?, ...}', {
        cause,
      });
    }
    const run = await replayer.create(body as ReplaySpecInput);
    start(run.id);
    return c.json(runJson(run, true), 202, { location: `/api/replays/${run.id}` });
  });

  routes.get('/:id', async (c) => {
    const run = await getRun(deps.store, c.req.param('id'));
    const verdicts = await deps.store.replays.countByVerdict(run.id);
    return c.json({ ...runJson(run, active.has(run.id)), verdicts, summary: run.summary });
  });

  routes.post('/:id/resume', async (c) => {
    const run = await getRun(deps.store, c.req.param('id'));
    if (run.status === 'completed') throw new UnderstudyError('conflict', `replay run ${run.id} is already completed`);
    start(run.id);
    return c.json(runJson(run, true), 202);
  });

  routes.get('/:id/comparisons', async (c) => {
    const run = await getRun(deps.store, c.req.param('id'));
    const verdict = c.req.query('verdict');
    if (verdict !== undefined && !verdictNames.has(verdict))
      throw new UnderstudyError('invalid_input', `verdict must be one of ${[...verdictNames].join(', ')}`);
    const cursor = c.req.query('cursor');
    if (cursor !== undefined && !/^\d+$/.test(cursor))
      throw new UnderstudyError('invalid_input', 'cursor must be the nextCursor of a previous page');
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new UnderstudyError('invalid_input', 'limit must be an integer from 1 to 500');
    const page = await deps.store.replays.listResults(run.id, {
      limit,
      ...(verdict === undefined ? {} : { verdict }),
      ...(cursor === undefined ? {} : { afterSeq: Number(cursor) }),
    });
    return c.json({ items: page.items.map(resultJson), nextCursor: page.nextSeq === null ? null : String(page.nextSeq) });
  });

  return routes;
}

async function getRun(store: Store, id: string): Promise<ReplayRunRecord> {
  const run = await store.replays.getRun(id);
  if (run === undefined) throw new UnderstudyError('not_found', `no replay run with id "${id}"`);
  return run;
}

function runJson(run: ReplayRunRecord, activeHere: boolean) {
  return {
    id: run.id,
    status: run.status,
    // A `running` run that no process is working on was interrupted; resume it.
    active: activeHere,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    target: run.target,
    baseline: run.baseline,
    spec: run.spec,
    progress: { done: run.done, planned: run.planned, errors: run.errors, share: run.planned ? Math.min(1, run.done / run.planned) : null },
    errorMessage: run.errorMessage,
  };
}

function resultJson(r: ReplayResultRecord) {
  return {
    seq: r.seq,
    exchangeId: r.exchangeId,
    candidateId: r.candidateId,
    baselineId: r.baselineId,
    endpoint: r.endpoint,
    verdict: r.verdict,
    score: r.score,
    scoreOverNoise: r.scoreOverNoise,
    status: { original: r.originalStatus, candidate: r.candidateStatus },
    latencyMs: { original: r.originalMs, candidate: r.candidateMs },
    tokens: { original: r.originalTokens, candidate: r.candidateTokens },
    costUsd: { original: r.originalCost, candidate: r.candidateCost },
    attempts: r.attempts,
    error: r.errorCode === null ? null : { code: r.errorCode, message: r.errorMessage ?? '' },
    report: r.report,
    completedAt: r.completedAt,
  };
}
