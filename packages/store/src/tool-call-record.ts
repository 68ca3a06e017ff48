/** Whether the egress proxy saw a call on live traffic or on shadow/replay traffic. */
export type ToolCallRole = 'live' | 'shadow';

/** What the egress proxy did with a call: the `/metrics` outcome label. */
export type ToolCallOutcome = 'forwarded' | 'replayed' | 'blocked';

/**
 * How a call relates to the original's recording. Live calls are `recorded`; a shadow call is
 * `matched` (answered from the recording, or a passthrough call the recording also has),
 * `unmatched` (a write the recording lacks: refused), `extra` (a read or passthrough call the
 * recording lacks: forwarded) or `blocked` (refused by the destination's policy or settings).
 */
export type ToolCallMatch = 'recorded' | 'matched' | 'unmatched' | 'extra' | 'blocked';

/** One tool call through the egress proxy, as stored (request parts redacted; response as sent). */
export interface ToolCallRecord {
  readonly id: string;
  /** Live: the tap's exchange; shadow: the original exchange whose recording answers. Null when the call carried none. */
  readonly exchangeId: string | null;
  /** Shadow/replay: the candidate's own exchange id, which tells attempts on one original apart. */
  readonly attemptId: string | null;
  readonly role: ToolCallRole;
  /** Order of the call within its exchange (live) or attempt (shadow), from 0. */
  readonly seq: number;
  readonly startedAt: number;
  readonly destination: string;
  readonly policy: string;
  readonly method: string;
  /** Path below the destination's base URL, with the query. */
  readonly path: string;
  /** Hash of the normalized request body: what matching compares. */
  readonly bodyKey: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: Uint8Array;
  readonly requestSize: number;
  readonly status: number | null;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: Uint8Array;
  readonly responseSize: number;
  readonly responseTruncated: boolean;
  readonly outcome: ToolCallOutcome;
  readonly match: ToolCallMatch;
  /** The recorded call this one was answered from or matched to. */
  readonly matchedId: string | null;
  readonly ttfbMs: number | null;
  readonly durationMs: number | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Counts of one side's calls, shaped like compare's `SideEffectSummary`. */
export interface ToolCallSummary {
  readonly matched: number;
  readonly unmatched: number;
  readonly extra: number;
  readonly blocked: number;
}
