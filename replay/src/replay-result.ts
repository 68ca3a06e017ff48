import type { Exchange } from '@understudy/core';
import type { ReplayResultRecord } from '@understudy/store';
import { endpointOf } from './compare-item.js';
import type { ComparedItem } from './compare-replayed.js';
import type { SelectedItem } from './select-exchanges.js';
import type { UnreplayableReason } from './unreplayable.js';

/** The stored result of a compared item: both sides' status, latency, tokens and cost, and its reports. */
export function replayResult(
  runId: string,
  item: SelectedItem,
  compared: ComparedItem,
  attempts: number,
  completedAt: number,
): ReplayResultRecord {
  const original = item.exchange;
  const { candidate, report } = compared;
  return {
    runId,
    exchangeId: original.id,
    seq: item.seq,
    endpoint: endpointOf(original),
    candidateId: candidate.id,
    baselineId: compared.baseline?.id ?? null,
    verdict: report?.verdict ?? 'error',
    score: report?.score ?? null,
    scoreOverNoise: report?.scoreOverNoise ?? null,
    originalStatus: original.status,
    candidateStatus: candidate.status,
    originalMs: original.durationMs,
    candidateMs: candidate.durationMs,
    originalTokens: tokenSum(original),
    candidateTokens: tokenSum(candidate),
    originalCost: original.usage.costUsd,
    candidateCost: candidate.usage.costUsd,
    attempts,
    errorCode: candidate.error?.code ?? null,
    errorMessage: candidate.error?.message ?? null,
    report,
    baselineReport: compared.baselineReport,
    completedAt,
  };
}

/** An item left out because it cannot be replayed faithfully: committed, so a resume skips it too. */
export function skippedResult(runId: string, item: SelectedItem, reason: UnreplayableReason, completedAt: number): ReplayResultRecord {
  const original = item.exchange;
  return {
    runId,
    exchangeId: original.id,
    seq: item.seq,
    endpoint: endpointOf(original),
    candidateId: null,
    baselineId: null,
    verdict: 'skipped',
    score: null,
    scoreOverNoise: null,
    originalStatus: original.status,
    candidateStatus: null,
    originalMs: original.durationMs,
    candidateMs: null,
    originalTokens: tokenSum(original),
    candidateTokens: null,
    originalCost: original.usage.costUsd,
    candidateCost: null,
    attempts: 0,
    errorCode: reason,
    errorMessage: 'not replayed: the capture cannot be sent again as it was (--include-unreplayable forces it)',
    report: null,
    baselineReport: null,
    completedAt,
  };
}

function tokenSum(e: Exchange): number | null {
  const { inputTokens, outputTokens } = e.usage;
  return inputTokens === null && outputTokens === null ? null : (inputTokens ?? 0) + (outputTokens ?? 0);
}
