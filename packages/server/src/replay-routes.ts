import type { Redactor } from '@understudy/capture';
import { type Clock, type Logger, silentLogger, systemClock, UnderstudyError } from '@understudy/core';
import { createReplayer, type Replayer, type ReplaySpecInput } from '@understudy/replay';
import type { ReplayResultRecord, ReplayRunRecord, Store } from '@understudy/store';
import { Hono } from 'hono';
import { noQuery, parseQuery, queryParams } from './parse-query.js';
import { replayListQuery, replayResultsQuery } from './replay-query.js';

export interface ReplayRoutesDeps {
  readonly store: Store;
  /** The engine that runs replays in this process; one over `store` is made when absent. */
  readonly replayer?: Replayer;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Redacts what targets answer (the tap's, so placeholders match); see `ControlPlaneDeps.redactor`. */
  readonly redactor?: Redactor;
  /** Runs this process works on at once (default 4); `POST` past it answers 409 `conflict`. */
  readonly maxActiveReplays?: number;
}

/** The replay routes and what stops the runs they started (and the replayer they made). */
export interface ReplayRoutes {
  readonly routes: Hono;
  /**
   * Refuses new runs (503), stops the active ones (each ends `aborted`, resumable) and waits
   * for them (a request in flight finishes or hits the run's `timeoutMs`), then closes the
   * replayer when these routes made it (its undici Agent).
   */
  close(): Promise<void>;
}

/**
 * `POST /api/replays` (starts a run in the background, answers 202 with its id),
 * `GET /api/replays` (newest first), `GET /api/replays/:id` (status, progress, verdict counts,
 * summary once finished), `GET /api/replays/:id/comparisons` (paged by `cursor`, `?verdict=`),
 * and `POST /api/replays/:id/resume` for a run interrupted by a crash.
 *
 * At most `maxActiveReplays` runs (default 4) work at once in this process, each with its own
 * concurrency and connections: a start or resume past it answers 409 `conflict` (the state of
 * this process conflicts with the request; retry once a run finished) and records no run.
 */
export function replayRoutes(deps: ReplayRoutesDeps): ReplayRoutes {
  const logger = deps.logger ?? silentLogger;
  const replayer =
    deps.replayer ??
    createReplayer({
      store: deps.store,
      clock: deps.clock ?? systemClock,
      logger,
      ...(deps.redactor === undefined ? {} : { redactor: deps.redactor }),
    });
  const maxActive = deps.maxActiveReplays ?? 4;
  const active = new Map<string, { stop: AbortController; done: Promise<void> }>();
  // Slots taken by starts still creating their run, so two concurrent POSTs cannot both pass the bound.
  let reserved = 0;
  let closed = false;
  const routes = new Hono();

  /** Takes a slot for a new run, or refuses; the caller releases it with `start` or `release`. */
  const reserve = (): void => {
    if (closed) throw new UnderstudyError('unavailable', 'the control plane is shutting down; no new replay runs');
    if (active.size + reserved >= maxActive)
      throw new UnderstudyError(
        'conflict',
        `${maxActive} replay runs are already active in this process (the most it runs at once); retry when one finishes`,
      );
    reserved++;
  };

  const start = (id: string): void => {
    reserved--;
    const stop = new AbortController();
    const done = replayer
      .run(id, { signal: stop.signal })
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, runId: id }, 'replay run failed'),
      )
      .finally(() => active.delete(id));
    active.set(id, { stop, done });
  };

  routes.get('/', async (c) => {
    const { limit = 50 } = parseQuery(replayListQuery, queryParams(c));
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
    reserve();
    let run: ReplayRunRecord;
    try {
      run = await replayer.create(body as ReplaySpecInput);
    } catch (error) {
      reserved--;
      throw error;
    }
    start(run.id);
    return c.json(runJson(run, true), 202, { location: `/api/replays/${run.id}` });
  });

  routes.get('/:id', async (c) => {
    parseQuery(noQuery, queryParams(c));
    const run = await getRun(deps.store, c.req.param('id'));
    const verdicts = await deps.store.replays.countByVerdict(run.id);
    return c.json({ ...runJson(run, active.has(run.id)), verdicts, summary: run.summary });
  });

  routes.post('/:id/resume', async (c) => {
    const run = await getRun(deps.store, c.req.param('id'));
    if (run.status === 'completed') throw new UnderstudyError('conflict', `replay run ${run.id} is already completed`);
    if (!active.has(run.id)) {
      reserve();
      start(run.id);
    }
    return c.json(runJson(run, true), 202);
  });

  routes.get('/:id/comparisons', async (c) => {
    const { verdict, cursor, limit = 50 } = parseQuery(replayResultsQuery, queryParams(c));
    const run = await getRun(deps.store, c.req.param('id'));
    const page = await deps.store.replays.listResults(run.id, {
      limit,
      ...(verdict === undefined ? {} : { verdict }),
      ...(cursor === undefined ? {} : { afterSeq: cursor }),
    });
    return c.json({ items: page.items.map(resultJson), nextCursor: page.nextSeq === null ? null : String(page.nextSeq) });
  });

  return {
    routes,
    async close() {
      closed = true;
      const running = [...active.values()];
      for (const { stop } of running) stop.abort();
      await Promise.allSettled(running.map((r) => r.done));
      if (deps.replayer === undefined) await replayer.close();
    },
  };
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
