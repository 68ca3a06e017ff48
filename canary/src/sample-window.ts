import type { CanarySpec } from './canary-spec.js';

/** The span a gate's samples were drawn from, named in its evidence. */
export interface SampleWindow {
  /** How the ledger names it: `step 2`, `steps 1-3`, `the window` (a gate query's). */
  readonly name: string;
  /** Its first and last instants (ms since the epoch), both included. */
  readonly from: number;
  readonly to: number;
  /**
   * How many such windows one canary judges afresh, one after the other: the gate's alpha is
   * split over them (Bonferroni), so starting the evidence over at each step keeps the canary's
   * false-alarm budget.
   */
  readonly of: number;
}

/**
 * The current step's window, from the step's start to now: where a gate judges the candidate as
 * it is now. Pooled since the canary began, a candidate that turns bad mid-ramp is diluted by its
 * good past (user audit 3: 30 % → 60 % and a rollback 63 s after the change); within one step the
 * weight is fixed, so the window also holds one traffic mix. The step's sample minimum
 * (`decideStep`) counts the same window.
 */
export function stepWindow(spec: CanarySpec, stepIndex: number, stepStartedAt: number, now: number): SampleWindow {
  return { name: `step ${stepIndex + 1}`, from: stepStartedAt, to: now, of: Math.max(1, spec.steps.length) };
}

/**
 * The whole canary's window, from its first step to now: one anytime-valid sequence over every
 * look, where a candidate bad from the start gathers evidence however short its steps are.
 */
export function canaryWindow(stepIndex: number, analysisStartedAt: number, now: number): SampleWindow {
  return { name: stepIndex > 0 ? `steps 1-${stepIndex + 1}` : 'the canary', from: analysisStartedAt, to: now, of: 1 };
}
