export { type AdapterResult, foldFinishReason } from './adapters/adapter-result.js';
export { adaptAnthropicJson, adaptAnthropicSse } from './adapters/anthropic-messages-adapter.js';
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
} from './adapters/canonical-response.js';
export { type CanonicalizeInput, canonicalize, defaultVolatilePaths, type RawResponse } from './adapters/canonicalize.js';
export { bytesEqual, hashBytes } from './adapters/hash.js';
export { adaptOpenAiChatJson, adaptOpenAiChatSse } from './adapters/openai-chat-adapter.js';
export { adaptOpenAiResponsesJson, adaptOpenAiResponsesSse } from './adapters/openai-responses-adapter.js';
export { AnswerCache, type AnswerCacheLimits, defaultAnswerCacheLimits, limitAnswerCaches } from './answer-cache.js';
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
export { type ClauseFacts, type FactSheet, factSheet } from './facts/clauses/fact-sheet.js';
export { diffFacts } from './facts/fact-diff.js';
export { defaultFactDiffOptions, type FactDiffOptions } from './facts/fact-diff-options.js';
export { type ClausePolarity, clausePolarity } from './facts/polarity/clause-polarity.js';
export { type FactValue, type FactValueType, factValueTypes } from './facts/values/fact-value.js';
export { diffJsonValues, type JsonDiffOptions, type JsonDiffResult } from './json/json-diff.js';
export { compilePathMatcher, formatPath, formatPathKey, matchesGlob, type PathMatcher, type PathSegment } from './json/json-path.js';
export { isJsonObject, type JsonObject, type JsonValue, tryParseJson } from './json/json-value.js';
export { stableStringify } from './json/stable-stringify.js';
export { createLlmJudge, defaultLlmJudgeLimits, type LlmJudgeLimits, type LlmJudgeTransport } from './llm-judge/llm-judge.js';
export {
  type LlmJudgeBudget,
  LlmJudgeError,
  type LlmJudgeFailure,
  type LlmJudgeObserver,
  llmJudgeBudgets,
  llmJudgeFailures,
} from './llm-judge/llm-judge-error.js';
export { type LlmVerdict, parseLlmVerdict } from './llm-judge/parse-llm-verdict.js';
export { defaultFieldMargins, FieldAggregator, type FieldFinding, type FieldMargins } from './noise/field-aggregator.js';
export { defaultJudgeOptions, type JudgeOptions, judge } from './noise/judge.js';
export type { FieldNoise, NoiseLookup, TextNoise } from './noise/noise-lookup.js';
export {
  createNoiseModel,
  defaultNoiseLimits,
  type EndpointNoiseSnapshot,
  NoiseModel,
  type NoiseModelLimits,
  type NoiseModelSnapshot,
} from './noise/noise-model.js';
export { type HistogramSnapshot, QuantileHistogram } from './noise/quantile-histogram.js';
export { categoryWeights } from './report/category-report.js';
export type { DifferenceOrigin, Excuse } from './report/difference-origin.js';
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
} from './report/divergence-report.js';
export { formatReport } from './report/format-report.js';
export { reasonOf } from './report/report-reason.js';
export { combineScores, severityRisk } from './report/score.js';
export { lcsLength } from './text/lcs-length.js';
export { normalizeText } from './text/normalize-text.js';
export { looksLikeRefusal } from './text/refusal.js';
export {
  defaultTextLimits,
  type TextDiffMethod,
  type TextHunk,
  type TextSimilarity,
  type TextSimilarityLimits,
  textHunks,
  textSimilarity,
  textWeights,
} from './text/text-similarity.js';
export { textTokens } from './text/text-tokens.js';
export type { SideEffectSummary } from './tool-calls/side-effects.js';
export { diffToolCalls, type ToolCallDiffOptions } from './tool-calls/tool-call-diff.js';
