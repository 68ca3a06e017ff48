import type { Redactor } from '@understudy/capture';
import { UnderstudyError } from '@understudy/core';
import type { ComparisonRecord, Store } from '@understudy/store';
import { type ExchangeJson, exchangeToJson } from './exchange-json.js';
import { type ToolCallJson, toolCallToJson } from './tool-call-json.js';

/** One comparison with everything needed to judge it by eye. */
export interface ComparisonDetail extends ComparisonRecord {
  readonly original: ExchangeJson | null;
  readonly candidate: ExchangeJson | null;
  /** What the verdict was judged against: a baseline send to production and its report (replay), or the noise model alone. */
  readonly baselines: {
    readonly exchange: ExchangeJson | null;
    readonly report: unknown;
    readonly noiseApplied: boolean;
  };
  readonly run: { readonly id: string; readonly target: string; readonly baseline: string | null; readonly status: string } | null;
  readonly toolCalls: { readonly original: ToolCallJson[]; readonly candidate: ToolCallJson[] };
}

/** `GET /api/comparisons/:id`: the report, both exchanges, the baselines used and the tool calls on each side. */
export async function comparisonDetail(store: Store, id: string, redactor?: Redactor): Promise<ComparisonDetail> {
  const comparison = await store.comparisons.get(id);
  if (comparison === undefined) throw new UnderstudyError('not_found', `no comparison with id "${id}"`);
  const exchange = async (exchangeId: string | null) => {
    if (exchangeId === null) return null;
    const found = await store.exchanges.get(exchangeId);
    return found === undefined ? null : exchangeToJson(found);
  };
  const run = comparison.runId === null ? undefined : await store.replays.getRun(comparison.runId);
  const report = comparison.report as { noiseApplied?: unknown } | null;
  return {
    ...comparison,
    original: await exchange(comparison.originalId),
    candidate: await exchange(comparison.candidateId),
    baselines: {
      exchange: await exchange(comparison.baselineId),
      report: comparison.baselineReport,
      noiseApplied: report?.noiseApplied === true,
    },
    run: run === undefined ? null : { id: run.id, target: run.target, baseline: run.baseline, status: run.status },
    toolCalls: {
      original: (await store.toolCalls.recorded(comparison.originalId)).map((call) => toolCallToJson(call, redactor)),
      candidate:
        comparison.candidateId === null
          ? []
          : (await store.toolCalls.ofAttempt(comparison.candidateId)).map((call) => toolCallToJson(call, redactor)),
    },
  };
}
