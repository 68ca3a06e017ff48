/** Row shape of `exchanges`. JSON columns hold text; booleans are 0/1 on both dialects. */
export interface ExchangesTable {
  id: string;
  started_at: number;
  method: string;
  path: string;
  query: string;
  request_headers: string;
  /** The whole body, or its skeleton when `request_refs` is set (migration 0006). */
  request_body: Uint8Array;
  request_size: number;
  request_truncated: number;
  /** JSON `[[byte offset, head hash], …]`: where chains of `content_nodes` go back into `request_body`. */
  request_refs: string | null;
  status: number | null;
  response_headers: string;
  response_body: Uint8Array;
  response_size: number;
  response_truncated: number;
  streamed: number;
  sse_events: string | null;
  ttfb_ms: number | null;
  duration_ms: number | null;
  version: string;
  role: string;
  parent_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  error_code: string | null;
  error_message: string | null;
}

/** Row shape of `content_nodes` (migration 0006): one block of request content, by hash. */
export interface ContentNodesTable {
  hash: string;
  parent: string | null;
  bytes: Uint8Array;
}

export interface VersionsTable {
  name: string;
  upstream: string;
  headers: string;
  created_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** Row shape of `replay_runs` (migration 0002): one durable replay job. */
export interface ReplayRunsTable {
  id: string;
  created_at: number;
  updated_at: number;
  status: string;
  spec: string;
  target: string;
  baseline: string | null;
  planned: number | null;
  done: number;
  errors: number;
  summary: string | null;
  error_message: string | null;
}

/** Row shape of `replay_results`: one selected exchange of a run, committed as it completes. */
export interface ReplayResultsTable {
  run_id: string;
  exchange_id: string;
  seq: number;
  endpoint: string;
  candidate_id: string | null;
  baseline_id: string | null;
  verdict: string;
  score: number | null;
  score_over_noise: number | null;
  original_status: number | null;
  candidate_status: number | null;
  original_ms: number | null;
  candidate_ms: number | null;
  original_tokens: number | null;
  candidate_tokens: number | null;
  original_cost: number | null;
  candidate_cost: number | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  report: string | null;
  baseline_report: string | null;
  completed_at: number;
}

/** Row shape of `shadow_comparisons`: a live shadow exchange judged against its parent. */
export interface ShadowComparisonsTable {
  exchange_id: string;
  parent_id: string;
  endpoint: string;
  verdict: string;
  score: number | null;
  score_over_noise: number | null;
  report: string | null;
  created_at: number;
}

/** Row shape of `tool_calls` (migration 0004): one call through the egress proxy. */
export interface ToolCallsTable {
  id: string;
  exchange_id: string | null;
  attempt_id: string | null;
  role: string;
  seq: number;
  started_at: number;
  destination: string;
  policy: string;
  method: string;
  path: string;
  body_key: string;
  request_headers: string;
  request_body: Uint8Array;
  request_size: number;
  status: number | null;
  response_headers: string;
  response_body: Uint8Array;
  response_size: number;
  response_truncated: number;
  outcome: string;
  match: string;
  matched_id: string | null;
  ttfb_ms: number | null;
  duration_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  error_code: string | null;
  error_message: string | null;
}

import type { CanariesTable, CanaryActionsTable, CanaryEventsTable, ControllerLeasesTable, RoutingTable } from './canary-tables.js';

export interface Database {
  exchanges: ExchangesTable;
  content_nodes: ContentNodesTable;
  versions: VersionsTable;
  meta: MetaTable;
  replay_runs: ReplayRunsTable;
  replay_results: ReplayResultsTable;
  shadow_comparisons: ShadowComparisonsTable;
  canaries: CanariesTable;
  canary_events: CanaryEventsTable;
  canary_actions: CanaryActionsTable;
  routing: RoutingTable;
  controller_leases: ControllerLeasesTable;
  tool_calls: ToolCallsTable;
  capture_runs: CaptureRunsTable;
}

/** Migration 0007: one row per tap process that captured (see CaptureRunRepository). */
export interface CaptureRunsTable {
  id: string;
  host: string;
  pid: number;
  started_at: number;
  stored: number;
  ended_at: number | null;
  end_reason: string | null;
  accepted: number | null;
  refused: number | null;
  lost: number | null;
}
