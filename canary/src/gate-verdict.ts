import type { GateKind } from './canary-spec.js';

/** pass, fail, or hold: not enough evidence either way yet (never a failure by itself). */
export const gateOutcomes = ['pass', 'fail', 'hold'] as const;
export type GateOutcome = (typeof gateOutcomes)[number];

/** One gate's decision over one analysis window, with the numbers behind it. */
export interface GateVerdict {
  readonly gate: string;
  readonly kind: GateKind;
  readonly outcome: GateOutcome;
  readonly critical: boolean;
  readonly reason: string;
  /**
   * On a hold: the candidate is confidently worse than stable (the bound lies wholly on the
   * worse side), only not yet by more than the threshold. A step does not end on it.
   */
  readonly worse?: boolean;
  readonly evidence: Readonly<Record<string, number | string | boolean | null>>;
}
