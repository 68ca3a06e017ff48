export { BodyCapture } from './body-capture.js';
export { decodeBody, isDecodable } from './decode-body.js';
export { costUsd, defaultPricing, type ModelPrice, type PriceLookup, priceLookup } from './pricing.js';
export { createRedactor, defaultRedactedHeaders, type ExchangeRedactor, type Redactor } from './redactor.js';
export { replyUsage } from './reply-usage.js';
export { SseCapture } from './sse-capture.js';
export { builtinPatterns, luhn, type TextPattern } from './text-patterns.js';
export { type ReportedUsage, StreamUsage, usageFromJson } from './usage-extractor.js';
