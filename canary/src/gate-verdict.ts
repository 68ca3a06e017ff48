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
  readonly evidence: Readonly<Record<string, number | string | boolean | null>>;
}
