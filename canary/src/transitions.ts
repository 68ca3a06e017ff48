import type { CanaryChange, CanaryEventInput, RoutingWrite } from '@understudy/store';
import type { CanaryState } from './canary-state.js';
import { type CanaryView, routeOf } from './canary-view.js';

/** Who acts, when, on which canary as last read. */
export interface TransitionContext {
  readonly view: CanaryView;
  readonly now: number;
  readonly actor: string;
}

function event(ctx: TransitionContext, type: string, data: Record<string, unknown>): CanaryEventInput {
  const r = ctx.view.record;
  return {
    type,
    actor: ctx.actor,
    data: { from: r.state, step: r.stepIndex + 1, weight: r.weight, configHash: ctx.view.configHash, ...data },
  };
}

function routing(ctx: TransitionContext, over: Partial<RoutingWrite>): RoutingWrite {
  const { spec, record } = ctx.view;
  return {
    route: routeOf(spec),
    primary: spec.stable,
    candidate: spec.candidate,
    weight: record.weight,
    sticky: spec.sticky,
    fallback: spec.fallback,
    canaryId: record.id,
    ...over,
  };
}

/** Moves live traffic to step `toStep` (0-based) and restarts the step's clock. */
export function enterStep(ctx: TransitionContext, toStep: number, before: readonly CanaryEventInput[] = []): CanaryChange {
  const step = ctx.view.spec.steps[toStep];
  const weight = step?.weight ?? 0;
  const first = ctx.view.record.analysisStartedAt === null;
  return {
    generation: ctx.view.record.generation,
    action: `step:${toStep}`,
    at: ctx.now,
    patch: {
      state: 'progressing',
      stepIndex: toStep,
      weight,
      stepStartedAt: ctx.now,
      analysisStartedAt: first ? ctx.now : ctx.view.record.analysisStartedAt,
      nextAnalysisAt: ctx.now + ctx.view.spec.intervalMs,
      consecutiveFailures: 0,
      reason: null,
    },
    events: [...before, event(ctx, 'step', { to: 'progressing', toStep: toStep + 1, toWeight: weight })],
    routing: routing(ctx, { weight }),
  };
}

/** Stops before step `toStep` until someone approves it; traffic stays where it is. */
export function awaitApproval(ctx: TransitionContext, toStep: number, before: readonly CanaryEventInput[] = []): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: `await:${toStep}`,
    at: ctx.now,
    patch: { state: 'awaiting_approval', nextAnalysisAt: ctx.now + ctx.view.spec.intervalMs, consecutiveFailures: 0 },
    events: [...before, event(ctx, 'awaiting_approval', { to: 'awaiting_approval', toStep: toStep + 1 })],
  };
}

/** Candidate weight to 0 at once, with the reason on record. */
export function rollback(
  ctx: TransitionContext,
  reason: string,
  evidence: Record<string, unknown> = {},
  before: readonly CanaryEventInput[] = [],
): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: 'rollback',
    at: ctx.now,
    patch: { state: 'rolled_back', weight: 0, nextAnalysisAt: null, reason },
    events: [...before, event(ctx, 'rolled_back', { to: 'rolled_back', reason, ...evidence })],
    routing: routing(ctx, { candidate: null, weight: 0 }),
  };
}

/** The candidate becomes the version the route serves. */
export function promote(ctx: TransitionContext, before: readonly CanaryEventInput[] = []): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: 'promote',
    at: ctx.now,
    patch: { state: 'promoted', weight: 100, nextAnalysisAt: null, reason: null },
    events: [...before, event(ctx, 'promoted', { to: 'promoted', newPrimary: ctx.view.spec.candidate })],
    routing: routing(ctx, { primary: ctx.view.spec.candidate, candidate: null, weight: 0, sticky: null, fallback: false }),
  };
}

/** Ends a canary that never reached live traffic (or should not continue): weight 0. */
export function abort(ctx: TransitionContext, reason: string, before: readonly CanaryEventInput[] = []): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: 'abort',
    at: ctx.now,
    patch: { state: 'aborted', weight: 0, nextAnalysisAt: null, reason },
    events: [...before, event(ctx, 'aborted', { to: 'aborted', reason })],
    ...(ctx.view.record.stepIndex >= 0 ? { routing: routing(ctx, { candidate: null, weight: 0 }) } : {}),
  };
}

/** Stops the controller acting on the canary; traffic stays where it is. `reason` goes on record. */
export function pause(ctx: TransitionContext, reason?: string): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: 'pause',
    at: ctx.now,
    patch: { state: 'paused', resumeState: ctx.view.state, nextAnalysisAt: null },
    events: [event(ctx, 'paused', { to: 'paused', ...withReason(reason) })],
  };
}

/** Back to the state it was paused in, analysed at once. `reason` goes on record. */
export function resume(ctx: TransitionContext, reason?: string): CanaryChange {
  const to = (ctx.view.record.resumeState ?? 'progressing') as CanaryState;
  return {
    generation: ctx.view.record.generation,
    action: 'resume',
    at: ctx.now,
    patch: { state: to, resumeState: null, nextAnalysisAt: ctx.now },
    events: [event(ctx, 'resumed', { to, ...withReason(reason) })],
  };
}

/** `{ reason }` when one was given: a manual action's why belongs in the ledger. */
export function withReason(reason: string | undefined): { reason?: string } {
  return reason === undefined ? {} : { reason };
}

/** Enters the shadow phase: wait for a passing replay / live-shadow verdict before live traffic. */
export function enterShadow(ctx: TransitionContext, before: readonly CanaryEventInput[] = []): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: 'shadow',
    at: ctx.now,
    patch: { state: 'shadow', nextAnalysisAt: ctx.now + ctx.view.spec.intervalMs },
    events: [...before, event(ctx, 'shadow', { to: 'shadow' })],
  };
}

/** Records an analysis that changed nothing but the counters and the next timer. */
export function recordAnalysis(ctx: TransitionContext, patch: CanaryChange['patch'], events: readonly CanaryEventInput[]): CanaryChange {
  return {
    generation: ctx.view.record.generation,
    action: `analysis:${ctx.view.record.looks + 1}`,
    at: ctx.now,
    patch: { nextAnalysisAt: ctx.now + ctx.view.spec.intervalMs, ...patch },
    events,
  };
}
