export {
  type AnalysisSource,
  type ArmQuery,
  collectArmStats,
  countLiveRequests,
  maxLatencySamples,
  storeAnalysisSource,
} from './analysis-source.js';
export {
  type AnalysisInput,
  type ArmStats,
  type DivergenceCounts,
  type DivergenceWindow,
  emptyArm,
  emptyMean,
  type WebhookGateResult,
} from './arm-stats.js';
export { type CanaryController, type CanaryControllerDeps, createCanaryController } from './canary-controller.js';
export { type CanaryAction, type CanaryService, type CanaryServiceDeps, canaryActions, createCanaryService } from './canary-service.js';
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
  strictestRequestGate,
  type WebhookKind,
  type WebhookSpec,
  webhookKinds,
} from './canary-spec.js';
export { type CanaryState, canaryStates, finalStates, isCanaryState } from './canary-state.js';
export { type CanaryView, canarySummary, configHash, routeOf, viewCanary } from './canary-view.js';
export { decideStep, type StepContext, type StepDecision, samplesInStep } from './decide-step.js';
export { type DivergenceSource, storeDivergenceSource } from './divergence-source.js';
export { evaluateGates } from './evaluate-gates.js';
export { type GateOutcome, type GateVerdict, gateOutcomes } from './gate-verdict.js';
export { type MannWhitneyResult, mannWhitney, normalCdf, quantile } from './mann-whitney.js';
export { createNotifier, hooksAllow, type Notifier } from './notifier.js';
export { createRetentionPolicy, type RetentionPolicy } from './retention-policy.js';
export { canaryWindow, type SampleWindow, stepWindow } from './sample-window.js';
export {
  type DifferenceBound,
  type MeanStats,
  meanDifferenceBound,
  msprtHalfWidth,
  type RateCount,
  rateDifferenceBound,
  rateVersusReferenceBound,
} from './sequential-bound.js';
export { type ShadowVerdict, type ShadowVerdictSource, storeShadowVerdictSource } from './shadow-verdict.js';
export { gateAnswer, postWebhook, type WebhookResponse } from './webhook-client.js';
