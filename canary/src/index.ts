export { type AnalysisInput, type ArmStats, type DivergenceCounts, emptyArm, emptyMean, type WebhookGateResult } from './arm-stats.js';
export {
  type CanarySpec,
  type CanarySpecInput,
  canarySpecSchema,
  type GateKind,
  type GateSpec,
  gateKinds,
  gateName,
  parseCanarySpec,
  type StepSpec,
  type WebhookKind,
  type WebhookSpec,
  webhookKinds,
} from './canary-spec.js';
export { type CanaryState, canaryStates, finalStates, isCanaryState } from './canary-state.js';
export { decideStep, type StepContext, type StepDecision } from './decide-step.js';
export { evaluateGates } from './evaluate-gates.js';
export { type GateOutcome, type GateVerdict, gateOutcomes } from './gate-verdict.js';
export { type MannWhitneyResult, mannWhitney, normalCdf, quantile } from './mann-whitney.js';
export {
  type DifferenceBound,
  type MeanStats,
  meanDifferenceBound,
  msprtHalfWidth,
  type RateCount,
  rateDifferenceBound,
  rateVersusReferenceBound,
} from './sequential-bound.js';
