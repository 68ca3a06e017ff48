import { type CanarySpec, type GateSpec, gateName } from './canary-spec.js';
import type { GateVerdict } from './gate-verdict.js';

/** What the controller does after an analysis. */
export type StepDecision =
  | { readonly action: 'rollback'; readonly reason: string; readonly gate: string }
  | { readonly action: 'advance'; readonly toStep: number }
  | { readonly action: 'await_approval'; readonly toStep: number }
  | { readonly action: 'promote' }
  | { readonly action: 'stay'; readonly reason: string };

export interface StepContext {
  readonly spec: CanarySpec;
  readonly stepIndex: number;
  readonly stepStartedAt: number;
  readonly now: number;
  /** Requests the candidate served since this step began. */
  readonly candidateRequestsInStep: number;
  /** Shadow and replay comparisons of the candidate since this step began (the divergence gate's samples). */
  readonly candidateComparisonsInStep: number;
  /**
   * The candidate's requests since this step began that reported a cost, and token usage: the
   * cost and tokens gates' samples. An agent that reports none leaves those gates without one, and
   * a step must not end on them (absent: every request is taken to have reported both).
   */
  readonly candidateUsageInStep?: { readonly cost: number; readonly tokens: number };
  readonly verdicts: readonly GateVerdict[];
  /** Failing windows in a row before this analysis. */
  readonly consecutiveFailures: number;
}

/**
 * The policy, pure so the controller, the tests and the simulation bench run the same code:
 * a critical gate failing rolls back at once; a non-critical one after `failureThreshold`
 * failing windows in a row; hold never counts as a failure. A step ends once its minimum
 * duration and request count are met, every gate that decides from traffic (all but webhook
 * and optional gates) has at least its `minSamples` of the candidate in the step, and no gate
 * is failing or confidently worse than stable (a hold with `worse`): a step never ends on no
 * evidence, nor on evidence of harm that is only short of its threshold.
 */
export function decideStep(ctx: StepContext): { decision: StepDecision; consecutiveFailures: number } {
  const failing = ctx.verdicts.filter((v) => v.outcome === 'fail');
  const critical = failing.find((v) => v.critical);
  if (critical !== undefined) {
    return {
      decision: { action: 'rollback', gate: critical.gate, reason: `critical gate ${critical.gate} failed: ${critical.reason}` },
      consecutiveFailures: ctx.consecutiveFailures + 1,
    };
  }
  if (failing.length > 0) {
    const streak = ctx.consecutiveFailures + 1;
    const first = failing[0];
    if (first !== undefined && streak >= ctx.spec.failureThreshold) {
      return {
        decision: { action: 'rollback', gate: first.gate, reason: `gate ${first.gate} failed ${streak} windows in a row: ${first.reason}` },
        consecutiveFailures: streak,
      };
    }
    return {
      decision: { action: 'stay', reason: `failing: ${failing.map((v) => v.gate).join(', ')} (${streak}/${ctx.spec.failureThreshold})` },
      consecutiveFailures: streak,
    };
  }
  // A gate whose bound lies wholly on the worse side is evidence of harm, undecided only in how
  // much: more traffic either takes it past its threshold (a failure) or under it (a pass).
  const worse = ctx.verdicts.filter((v) => v.outcome === 'hold' && v.worse === true);
  if (worse.length > 0)
    return {
      decision: {
        action: 'stay',
        reason: `step ${ctx.stepIndex + 1}: ${worse.map((v) => `${v.gate}: candidate worse than stable, not yet past its threshold`).join('; ')}`,
      },
      // Neither a failing window nor a clean one: a streak of failures carries on past it.
      consecutiveFailures: ctx.consecutiveFailures,
    };
  const step = ctx.spec.steps[ctx.stepIndex];
  if (step === undefined) return { decision: { action: 'promote' }, consecutiveFailures: 0 };
  const waiting = ctx.spec.gates.flatMap((g) => {
    const n = samplesInStep(g, ctx);
    return n === null || n >= g.minSamples ? [] : [`${gateName(g)} ${n}/${g.minSamples}`];
  });
  if (waiting.length > 0)
    return {
      decision: { action: 'stay', reason: `step ${ctx.stepIndex + 1}: waiting for evidence: ${waiting.join(', ')}` },
      consecutiveFailures: 0,
    };
  const elapsed = ctx.now - ctx.stepStartedAt;
  if (elapsed < step.minDurationMs || ctx.candidateRequestsInStep < step.minRequests) {
    return {
      decision: {
        action: 'stay',
        reason: `step ${ctx.stepIndex + 1}: ${ctx.candidateRequestsInStep}/${step.minRequests} requests, ${elapsed}/${step.minDurationMs} ms`,
      },
      consecutiveFailures: 0,
    };
  }
  const next = ctx.stepIndex + 1;
  const nextStep = ctx.spec.steps[next];
  if (nextStep === undefined) return { decision: { action: 'promote' }, consecutiveFailures: 0 };
  return {
    decision: nextStep.approval ? { action: 'await_approval', toStep: next } : { action: 'advance', toStep: next },
    consecutiveFailures: 0,
  };
}

/**
 * The candidate's samples in the step that count toward a gate's minimum, or null for a gate
 * that does not decide from traffic (a webhook, or one marked optional).
 */
export function samplesInStep(
  gate: GateSpec,
  ctx: Pick<StepContext, 'candidateRequestsInStep' | 'candidateComparisonsInStep' | 'candidateUsageInStep'>,
): number | null {
  switch (gate.kind) {
    case 'webhook':
      return null;
    case 'divergence':
      return gate.optional ? null : ctx.candidateComparisonsInStep;
    case 'cost':
    case 'tokens':
      return gate.optional ? null : (ctx.candidateUsageInStep?.[gate.kind] ?? ctx.candidateRequestsInStep);
    default:
      return gate.optional ? null : ctx.candidateRequestsInStep;
  }
}
