import type { Usage } from '@understudy/core';
import { costUsd, type PriceLookup } from './pricing.js';
import { type ReportedUsage, usageFromJson } from './usage-extractor.js';

/** What {@link replyUsage} reads a reply's usage and cost from. */
export interface UsageSources {
  /** Usage reported by the reply's events, when it streamed. */
  readonly streamed: ReportedUsage | undefined;
  /** The reply's body as text (undefined when binary). */
  readonly responseText: string | undefined;
  readonly responseType: string;
  /** The request's body as text: its `model` prices a reply that does not name one. */
  readonly requestText: string | undefined;
}

/**
 * Tokens and cost of one reply: the usage its stream reported, else the usage of its JSON
 * body, priced by the model the reply names (else the one the request asked for).
 */
export function replyUsage(parts: UsageSources, prices: PriceLookup): Usage {
  let usage = parts.streamed;
  if (usage === undefined && parts.responseText !== undefined && parts.responseType.includes('json'))
    usage = usageFromJson(parts.responseText);
  if (usage === undefined) return { inputTokens: null, outputTokens: null, costUsd: null };
  const model = usage.model ?? (parts.requestText === undefined ? undefined : requestModel(parts.requestText));
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd: costUsd(model === undefined ? undefined : prices(model), usage.inputTokens, usage.outputTokens),
  };
}

const modelField = /"model"\s*:\s*"([^"\\]{1,128})"/;

function requestModel(text: string): string | undefined {
  return modelField.exec(text)?.[1];
}
