export { type CompareOptionsFor, compareExchanges, defaultCompareOptions, endpointOf } from './compare-item.js';
export { Histogram } from './histogram.js';
export { createPacer, type Pacer, ratePacer, sleep, speedPacer, unpaced } from './pacer.js';
export { type ReplayedRequest, type ReplayRequestDeps, type ReplayRequestOptions, replayRequest } from './replay-request.js';
export {
  parseReplaySpec,
  type ReplaySelection,
  type ReplaySpec,
  type ReplaySpecInput,
  type ReplayThresholds,
  replaySpecSchema,
} from './replay-spec.js';
export {
  type EndpointRow,
  evaluateThresholds,
  type Quantiles,
  type ReplaySummary,
  type ThresholdResult,
  type WorstExample,
} from './replay-summary.js';
export {
  createReplayer,
  type PriceFn,
  type Replayer,
  type ReplayerDeps,
  type ReplayOutcome,
  type ReplayProgress,
  type RunReplayOptions,
} from './replayer.js';
export { resolveVersion } from './resolve-version.js';
export { ResultWriter, type ResultWriterOptions } from './result-writer.js';
export { isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelay } from './retry-policy.js';
export { inSample, stableUnit } from './sample.js';
export { plannedCount, type SelectedItem, selectExchanges, selectionFilter } from './select-exchanges.js';
export { type AttemptOutcome, isConnectionError, replayExchange, replayHeaders, replayUrl, sendOnce } from './send-request.js';
export { reasonOf, summarizeRun } from './summarize-run.js';
