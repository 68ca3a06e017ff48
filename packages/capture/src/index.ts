export { isSealed, openSealed, seal } from '@understudy/core';
export { BlockPool, captureBlocks } from './block-pool.js';
export { BodyCapture } from './body-capture.js';
export { CaptureBudget, unboundedBudget } from './capture-budget.js';
export { cardWithin, luhn } from './card-number.js';
export { decodeBody, isDecodable } from './decode-body.js';
export {
  type Correlation,
  type CorrelationCheck,
  type CorrelationSigner,
  correlationSigner,
  exchangeHeader,
  shadowHeader,
} from './egress-correlation.js';
export {
  connectionNamed,
  endToEndHeaders,
  hopByHopHeaders,
  isSecretHeader,
  isSecretName,
  notResentHeaders,
  resentHeaders,
  resentQuery,
  reservedHeaderPrefix,
  secretNameAllowList,
} from './header-policy.js';
export { costUsd, defaultPricing, type ModelPrice, type PriceLookup, priceLookup } from './pricing.js';
export { processRedactor } from './process-redactor.js';
export { randomShortToken } from './random-short-token.js';
export { type ExchangeParts, exchangeParts, type RecordDeps, type ReplyPart, type RequestPart, recordExchange } from './record-exchange.js';
export { createRedactor, defaultRedactedHeaders, type ExchangeRedactor, type Redactor } from './redactor.js';
export { replyUsage } from './reply-usage.js';
export { revealSealed } from './reveal-sealed.js';
export { SseCapture } from './sse-capture.js';
export { decodedHeader, omittedHeader, ownBody } from './stored-body.js';
export { builtinPatterns, type TextPattern } from './text-patterns.js';
export { classifyUpstreamError, type FailureContext } from './upstream-error.js';
export { type ReportedUsage, StreamUsage, usageFromJson } from './usage-extractor.js';
