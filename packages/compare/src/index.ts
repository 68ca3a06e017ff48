export { type AdapterResult, foldFinishReason } from './adapter-result.js';
export { AnswerCache, type AnswerCacheLimits, defaultAnswerCacheLimits, limitAnswerCaches } from './answer-cache.js';
export { adaptAnthropicJson, adaptAnthropicSse } from './anthropic-messages-adapter.js';
export {
  type CanonicalError,
  type CanonicalResponse,
  type CanonicalTimings,
  type CanonicalUsage,
  type FinishReason,
  finishReasons,
  type Protocol,
  protocols,
  type ToolCall,
} from './canonical-response.js';
export { type CanonicalizeInput, canonicalize, defaultVolatilePaths, type RawResponse } from './canonicalize.js';
export { categoryWeights } from './category-report.js';
export { type ClausePolarity, clausePolarity } from './clause-polarity.js';
export {
  applyExtension,
  type CompareExtension,
  type CompareExtensionContext,
  type CompareExtensionResult,
  type ExtensionCategory,
} from './compare-extension.js';
export { type CompareOptions, compareResponses, compareRules } from './compare-responses.js';
export { type CompareSettings, compareOptionsFor, endpointKey } from './compare-settings.js';
export { compareWithBaselines } from './compare-with-baselines.js';
export type { DifferenceOrigin, Excuse } from './difference-origin.js';
export {
  type CategoryName,
  type CategoryReport,
  categoryNames,
  type Deltas,
  type Difference,
  type DifferenceKind,
  type DivergenceReport,
  differenceKinds,
  type Severity,
  severities,
  type TextFacts,
  type Verdict,
  verdicts,
} from './divergence-report.js';
export { diffFacts } from './fact-diff.js';
export { defaultFactDiffOptions, type FactDiffOptions } from './fact-diff-options.js';
export { type ClauseFacts, type FactSheet, factSheet } from './fact-sheet.js';
export { type FactValue, type FactValueType, factValueTypes } from './fact-value.js';
export { defaultFieldMargins, FieldAggregator, type FieldFinding, type FieldMargins } from './field-aggregator.js';
export { formatReport } from './format-report.js';
export { bytesEqual, hashBytes } from './hash.js';
export { diffJsonValues, type JsonDiffOptions, type JsonDiffResult } from './json-diff.js';
export { compilePathMatcher, formatPath, formatPathKey, matchesGlob, type PathMatcher, type PathSegment } from './json-path.js';
export { isJsonObject, type JsonObject, type JsonValue, tryParseJson } from './json-value.js';
export { defaultJudgeOptions, type JudgeOptions, judge } from './judge.js';
export { lcsLength } from './lcs-length.js';
export { createLlmJudge, defaultLlmJudgeLimits, type LlmJudgeLimits, type LlmJudgeTransport } from './llm-judge.js';
export {
  type LlmJudgeBudget,
  LlmJudgeError,
  type LlmJudgeFailure,
  type LlmJudgeObserver,
  llmJudgeBudgets,
  llmJudgeFailures,
} from './llm-judge-error.js';
export type { FieldNoise, NoiseLookup, TextNoise } from './noise-lookup.js';
export {
  createNoiseModel,
  defaultNoiseLimits,
  type EndpointNoiseSnapshot,
  NoiseModel,
  type NoiseModelLimits,
  type NoiseModelSnapshot,
} from './noise-model.js';
export { normalizeText } from './normalize-text.js';
export { adaptOpenAiChatJson, adaptOpenAiChatSse } from './openai-chat-adapter.js';
export { adaptOpenAiResponsesJson, adaptOpenAiResponsesSse } from './openai-responses-adapter.js';
export { type LlmVerdict, parseLlmVerdict } from './parse-llm-verdict.js';
export { type HistogramSnapshot, QuantileHistogram } from './quantile-histogram.js';
export { looksLikeRefusal } from './refusal.js';
export { reasonOf } from './report-reason.js';
export { combineScores, severityRisk } from './score.js';
export type { SideEffectSummary } from './side-effects.js';
export { stableStringify } from './stable-stringify.js';
export {
  defaultTextLimits,
  type TextDiffMethod,
  type TextHunk,
  type TextSimilarity,
  type TextSimilarityLimits,
  textHunks,
  textSimilarity,
  textWeights,
} from './text-similarity.js';
export { textTokens } from './text-tokens.js';
export { diffToolCalls, type ToolCallDiffOptions } from './tool-call-diff.js';
