import type { Clock } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { ControlEnv } from '../control-env.js';
import { frameOf } from './frame.js';
import { type OverviewData, OverviewPage } from './overview-page.js';

const liveStates = ['pending', 'shadow', 'progressing', 'paused', 'awaiting_approval'];
const captureWindowMs = 5 * 60_000;

/** `GET /`: the overview. */
export function overviewRoute(deps: { store: Store; clock: Clock; registry: Registry }): Hono<ControlEnv> {
  const pages = new Hono<ControlEnv>();
  pages.get('/', async (c) => c.html(<OverviewPage frame={frameOf(c)} data={await overviewData(deps)} />));
  return pages;
}

async function overviewData(deps: { store: Store; clock: Clock; registry: Registry }): Promise<OverviewData> {
  const now = deps.clock.now();
  const s = deps.store;
  const [routes, versions, canaries, recent, captured, shadowVerdicts, regressions, replays, metrics] = await Promise.all([
    s.routing.list(),
    s.versions.list(),
    s.canaries.list({ states: liveStates, limit: 100 }),
    s.scan.count({ role: 'live', since: now - captureWindowMs }),
    s.exchanges.count(),
    s.comparisons.countByVerdict({ source: 'shadow' }),
    s.comparisons.list({ source: 'shadow', verdict: 'regression' }, { limit: 5 }),
    s.replays.listRuns(10),
    deps.registry.getMetricsAsJSON(),
  ]);
  const drops = metrics
    .filter((m) => m.name.endsWith('_dropped_total'))
    .flatMap((m) => m.values)
    .reduce((sum, v) => sum + Number(v.value), 0);
  return {
    routes,
    versions,
    canaries,
    capturesPerMinute: recent / (captureWindowMs / 60_000),
    captured,
    drops,
    shadowVerdicts,
    recentRegressions: regressions.items,
    replays,
  };
}
