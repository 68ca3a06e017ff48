import { type Clock, createIdGenerator, type IdGenerator, type Logger, type Random, silentLogger, UnderstudyError } from '@understudy/core';
import type { CanaryChange, CanaryEvent, CanaryRecord, LedgerVerification, Routing, Store } from '@understudy/store';
import { type Dispatcher, getGlobalDispatcher } from 'undici';
import { type CanarySpec, parseCanarySpec } from './canary-spec.js';
import { finalStates } from './canary-state.js';
import { type CanaryView, configHash, routeOf, viewCanary } from './canary-view.js';
import { type DivergenceSource, storeDivergenceSource } from './divergence-source.js';
import { createNotifier } from './notifier.js';
import * as t from './transitions.js';

/** Manual actions on a canary, as the API and CLI offer them. */
export const canaryActions = ['pause', 'resume', 'approve', 'promote', 'rollback'] as const;
export type CanaryAction = (typeof canaryActions)[number];

export interface CanaryServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger?: Logger;
  /** For webhook notifications on manual actions; undici's global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
  /** Where divergence gates get comparisons; the store's analysis repository by default. */
  readonly divergence?: DivergenceSource;
}

export interface CanaryService {
  /** Validates the spec and its versions, and records a pending canary; the controller starts it. */
  create(spec: unknown, actor: string): Promise<CanaryRecord>;
  get(id: string): Promise<CanaryRecord>;
  list(options?: { states?: readonly string[]; limit?: number }): Promise<CanaryRecord[]>;
  events(id: string, options?: { afterSeq?: number; limit?: number }): Promise<CanaryEvent[]>;
  verify(id: string): Promise<LedgerVerification>;
  /**
   * Idempotent: repeating an action that already took effect returns the canary unchanged. An
   * action the canary's state cannot take (approve with no approval pending, resume when not
   * paused, anything once final) is refused with a `conflict` naming the state.
   */
  act(id: string, action: CanaryAction, actor: string, reason?: string): Promise<CanaryRecord>;
  close(): Promise<void>;
}

/** Prefix of the change key an approval makes: `approve:<step entered, 0-based>`. */
const approvalAction = 'approve:';

const live = ['pending', 'shadow', 'progressing', 'paused', 'awaiting_approval'];

export function createCanaryService(deps: CanaryServiceDeps): CanaryService {
  const newId: IdGenerator = createIdGenerator({ clock: deps.clock, random: deps.random });
  const notifier = createNotifier(deps.dispatcher ?? getGlobalDispatcher(), deps.logger ?? silentLogger);

  const get = async (id: string): Promise<CanaryRecord> => {
    const record = await deps.store.canaries.get(id);
    if (record === undefined) throw new UnderstudyError('not_found', `no canary ${id}`);
    return record;
  };

  /**
   * The change an action makes in the canary's current state; null when it already holds. `last`
   * is the action of the change that produced this state: a resume or approve repeated right after
   * it took effect is a retry, not a request the state cannot take.
   */
  const changeFor = (
    view: CanaryView,
    action: CanaryAction,
    actor: string,
    reason: string | undefined,
    last: string | undefined,
  ): CanaryChange | null => {
    const ctx = { view, now: deps.clock.now(), actor };
    const s = view.state;
    const final = finalStates.has(s);
    const refuse = (): never => {
      throw new UnderstudyError('conflict', `cannot ${action} canary ${view.record.id}: it is ${s}`);
    };
    switch (action) {
      case 'pause':
        if (s === 'paused') return null;
        return final ? refuse() : t.pause(ctx, reason);
      case 'resume':
        if (s === 'paused') return t.resume(ctx, reason);
        return !final && last === 'resume' ? null : refuse();
      case 'approve': {
        const toStep = view.record.stepIndex + 1;
        if (s === 'awaiting_approval')
          // Its own key, so a retry can recognise it (the controller's step change is `step:N`).
          return {
            ...t.enterStep(ctx, toStep, [{ type: 'approved', actor, data: { step: toStep + 1, ...t.withReason(reason) } }]),
            action: `${approvalAction}${toStep}`,
          };
        return s === 'progressing' && last === `${approvalAction}${view.record.stepIndex}` ? null : refuse();
      }
      case 'promote':
        if (s === 'promoted') return null;
        return final ? refuse() : t.promote(ctx, [{ type: 'manual_promote', actor, data: { reason: reason ?? null } }]);
      case 'rollback':
        if (s === 'rolled_back') return null;
        return final ? refuse() : t.rollback(ctx, reason ?? `manual rollback by ${actor}`, { manual: true });
    }
  };

  return {
    async create(input, actor) {
      const routes = await deps.store.routing.list();
      const spec = parseCanarySpec(withRouteDefaults(input, routes));
      for (const name of [spec.stable, spec.candidate]) {
        if ((await deps.store.versions.get(name)) === undefined) {
          throw new UnderstudyError(
            'invalid_input',
            `${name === spec.stable ? 'stable' : 'candidate'}: no version named "${name}" (add it with understudy versions add)`,
          );
        }
      }
      await refuseUnbackedGates(spec, deps.divergence ?? storeDivergenceSource(deps.store));
      const route = routeOf(spec);
      const served = routes.find((r) => r.route === route);
      // A canary's stable is what its route serves: one naming another version would move all the
      // route's other traffic back to it (after a promotion, the version it replaced).
      if (served !== undefined && served.primary !== spec.stable)
        throw new UnderstudyError(
          'conflict',
          `stable: route ${route} serves ${served.primary}, not ${spec.stable}; leave --stable out (it defaults to the route's primary) or pass ${served.primary}`,
        );
      // This check names the canary in the way; the store's unique index is what holds the rule
      // when two creates race past it.
      const busy = await deps.store.canaries.list({ states: live, limit: 1000 });
      const clash = busy.find((c) => routeOf(parseCanarySpec(c.spec)) === route);
      if (clash !== undefined) throw new UnderstudyError('conflict', `canary ${clash.id} is already running on route ${route}`);
      const stored = { ...spec, route };
      const now = deps.clock.now();
      return deps.store.canaries.create(
        {
          id: newId(),
          spec: stored,
          stable: spec.stable,
          candidate: spec.candidate,
          state: 'pending',
          stepIndex: -1,
          weight: 0,
          stepStartedAt: null,
          analysisStartedAt: null,
          nextAnalysisAt: now,
          consecutiveFailures: 0,
          looks: 0,
          resumeState: null,
          reason: null,
          createdBy: actor,
          createdAt: now,
          route,
        },
        { type: 'created', actor, data: { spec: stored, configHash: configHash(stored) } },
      );
    },
    get,
    list: (options) => deps.store.canaries.list(options),
    async events(id, options) {
      await get(id);
      return deps.store.canaries.events(id, options);
    },
    async verify(id) {
      await get(id);
      return deps.store.canaries.verify(id);
    },
    async act(id, action, actor, reason) {
      // A controller step may land between our read and write; re-read and re-decide a few times.
      for (let attempt = 0; attempt < 5; attempt++) {
        const view = viewCanary(await get(id));
        const gen = view.record.generation;
        const last = gen > 0 ? await deps.store.canaries.actionFrom(id, gen - 1) : undefined;
        const change = changeFor(view, action, actor, reason, last);
        if (change === null) return view.record;
        const applied = await deps.store.canaries.apply(id, change);
        if (applied !== null) {
          const after = viewCanary(applied.canary);
          await notifier.events(after, change.at, change.events);
          if (action === 'rollback') await notifier.call(after, 'rollback', change.at);
          if (action === 'approve') await notifier.call(after, 'step', change.at);
          return applied.canary;
        }
      }
      throw new UnderstudyError('conflict', `canary ${id} kept changing; try again`);
    },
    // Nothing to release: an injected dispatcher belongs to the caller, the global one is shared.
    async close() {},
  };
}

/**
 * Fills in the route and stable a spec leaves out. The route: the one serving the given stable,
 * else `stable`, else the only route there is. Its stable: the route's current primary, so the
 * canary after a promotion starts from the promoted version.
 */
function withRouteDefaults(input: unknown, routes: readonly Routing[]): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const spec = input as { stable?: unknown; route?: unknown };
  // A malformed value is the schema's to report, naming its key.
  if (![spec.stable, spec.route].every((v) => v === undefined || typeof v === 'string')) return input;
  const stable = typeof spec.stable === 'string' ? spec.stable : undefined;
  const route = typeof spec.route === 'string' ? spec.route : defaultRoute(stable, routes);
  return { ...input, route, stable: stable ?? routes.find((r) => r.route === route)?.primary ?? route };
}

function defaultRoute(stable: string | undefined, routes: readonly Routing[]): string {
  if (stable !== undefined) return routes.find((r) => r.primary === stable)?.route ?? stable;
  const only = routes.length === 1 ? routes[0]?.route : undefined;
  return routes.some((r) => r.route === 'stable') || only === undefined ? 'stable' : only;
}

/**
 * A divergence gate decides from comparisons of the candidate (live shadow, replay runs). With
 * none existing or coming it holds for the whole canary, and a step never ends: refused up front,
 * unless the spec allows weak evidence.
 */
async function refuseUnbackedGates(spec: CanarySpec, source: DivergenceSource): Promise<void> {
  if (spec.allowWeakEvidence || source.available === undefined) return;
  const i = spec.gates.findIndex((g) => g.kind === 'divergence' && !g.optional);
  if (i < 0 || (await source.available(spec.candidate))) return;
  throw new UnderstudyError(
    'invalid_input',
    `gates.${i}: the divergence gate has no data source: no live shadow of ${spec.candidate} and no replay run against it ` +
      `(run "understudy replay --target ${spec.candidate}", shadow it with tap.shadow, or allow weak evidence)`,
  );
}
