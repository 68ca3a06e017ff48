export { applyExtensions, type SecondOpinionContext } from './apply-extensions.js';
export { type CompareOptionsFor, compareExchanges, defaultCompareOptions, endpointOf } from './compare-item.js';
export { type ComparePool, type ComparePoolOptions, createComparePool } from './compare-pool.js';
export { type ComparedItem, type CompareReplayedDeps, compareReplayed } from './compare-replayed.js';
export { type ConfiguredJudge, configuredJudge, type JudgeSettings } from './configured-judge.js';
export { exportJsonl } from './export-exchanges.js';
export { comparisonUrl, formatMarkdown, type MarkdownOptions } from './format-markdown.js';
export { formatJunit, formatProgress, formatSummary } from './format-summary.js';
export { goReplayRecord, goReplaySeparator, parseGoReplay } from './goreplay-format.js';
export { parseHar } from './har-format.js';
export { Histogram } from './histogram.js';
export {
  detectFormat,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  importExchanges,
  importFormats,
} from './import-exchanges.js';
export type { ImportItem, ImportProblem } from './import-problem.js';
export { exchangeToJsonLine, parseJsonLine } from './jsonl-format.js';
export { createOpenAiJudgeTransport, type OpenAiJudgeEndpoint } from './openai-judge-transport.js';
export { parseOtlp } from './otlp-format.js';
export { createPacer, type Pacer, ratePacer, sleep, speedPacer, unpaced } from './pacer.js';
export { rejudgeRun } from './rejudge-run.js';
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
  type ThresholdName,
  type ThresholdResult,
  thresholdBound,
  thresholdNames,
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
export { type RunVerdict, runVerdict } from './run-verdict.js';
export { inSample } from './sample.js';
export { plannedCount, type SelectedItem, selectExchanges, selectionFilter } from './select-exchanges.js';
export { type AttemptOutcome, isConnectionError, replayExchange, replayHeaders, replayUrl, sendOnce } from './send-request.js';
export { createShadowWorker, type ShadowWorker, type ShadowWorkerDeps } from './shadow-worker.js';
export { sideEffectsFor } from './side-effects-for.js';
export { differencesOf, summarizeRun } from './summarize-run.js';
export { thresholdActualText, thresholdBreachText } from './threshold-text.js';
