import { type ReplayResultRecord, type ReplayRunRecord, type ReplayRunStatus, replayStaleAfterMs } from './replay-records.js';
import type { ReplayResultsTable, ReplayRunsTable } from './schema.js';

/** A run as stored; a `running` one whose heartbeat is older than `replayStaleAfterMs` at `now` reads `interrupted`. */
export function fromReplayRunRow(r: ReplayRunsTable, now: number): ReplayRunRecord {
  const stale = r.status === 'running' && Number(r.updated_at) < now - replayStaleAfterMs;
  return {
    id: r.id,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    status: stale ? 'interrupted' : (r.status as ReplayRunStatus),
    spec: JSON.parse(r.spec) as unknown,
    target: r.target,
    baseline: r.baseline,
    planned: r.planned,
    done: Number(r.done),
    errors: Number(r.errors),
    summary: r.summary === null ? null : (JSON.parse(r.summary) as unknown),
    errorMessage: r.error_message,
  };
}

export function toReplayResultRow(r: ReplayResultRecord): ReplayResultsTable {
  return {
    run_id: r.runId,
    exchange_id: r.exchangeId,
    seq: r.seq,
    endpoint: r.endpoint,
    candidate_id: r.candidateId,
    baseline_id: r.baselineId,
    verdict: r.verdict,
    score: r.score,
    score_over_noise: r.scoreOverNoise,
    original_status: r.originalStatus,
    candidate_status: r.candidateStatus,
    original_ms: r.originalMs,
    candidate_ms: r.candidateMs,
    original_tokens: r.originalTokens,
    candidate_tokens: r.candidateTokens,
    original_cost: r.originalCost,
    candidate_cost: r.candidateCost,
    attempts: r.attempts,
    error_code: r.errorCode,
    error_message: r.errorMessage,
    report: r.report === null ? null : JSON.stringify(r.report),
    baseline_report: r.baselineReport === null ? null : JSON.stringify(r.baselineReport),
    completed_at: r.completedAt,
  };
}

export function fromReplayResultRow(r: ReplayResultsTable): ReplayResultRecord {
  return {
    runId: r.run_id,
    exchangeId: r.exchange_id,
    seq: Number(r.seq),
    endpoint: r.endpoint,
    candidateId: r.candidate_id,
    baselineId: r.baseline_id,
    verdict: r.verdict,
    score: r.score,
    scoreOverNoise: r.score_over_noise,
    originalStatus: r.original_status,
    candidateStatus: r.candidate_status,
    originalMs: r.original_ms,
    candidateMs: r.candidate_ms,
    originalTokens: r.original_tokens,
    candidateTokens: r.candidate_tokens,
    originalCost: r.original_cost,
    candidateCost: r.candidate_cost,
    attempts: Number(r.attempts),
    errorCode: r.error_code,
    errorMessage: r.error_message,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    baselineReport: r.baseline_report === null ? null : (JSON.parse(r.baseline_report) as unknown),
    completedAt: Number(r.completed_at),
  };
}
