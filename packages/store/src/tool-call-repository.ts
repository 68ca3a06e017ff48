import type { Kysely } from 'kysely';
import type { Database, ToolCallsTable } from './schema.js';
import type { ToolCallMatch, ToolCallOutcome, ToolCallRecord, ToolCallRole, ToolCallSummary } from './tool-call-record.js';

/** Side effects of a candidate attempt and of the original it ran on, for the comparison. */
export interface SideEffectPair {
  readonly candidate: ToolCallSummary;
  readonly original: ToolCallSummary;
}

/** Tool calls recorded by the egress proxy (migration 0004). */
export class ToolCallRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Stores calls; one already stored under the same id is kept. */
  async insertMany(records: readonly ToolCallRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.#db
      .insertInto('tool_calls')
      .values(records.map(toToolCallRow))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** The live calls recorded for an exchange, in the order the agent made them. */
  async recorded(exchangeId: string): Promise<ToolCallRecord[]> {
    const rows = await this.#db
      .selectFrom('tool_calls')
      .selectAll()
      .where('exchange_id', '=', exchangeId)
      .where('role', '=', 'live')
      .orderBy('seq')
      .orderBy('id')
      .limit(10_000)
      .execute();
    return rows.map(fromToolCallRow);
  }

  /** The calls of one shadow or replay attempt (the candidate's exchange id), in order. */
  async ofAttempt(attemptId: string): Promise<ToolCallRecord[]> {
    const rows = await this.#db
      .selectFrom('tool_calls')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .orderBy('seq')
      .orderBy('id')
      .limit(10_000)
      .execute();
    return rows.map(fromToolCallRow);
  }

  /** Newest first, optionally of one exchange (live and shadow calls alike). */
  async list(options: { exchangeId?: string; limit?: number } = {}): Promise<ToolCallRecord[]> {
    let query = this.#db.selectFrom('tool_calls').selectAll();
    if (options.exchangeId !== undefined) query = query.where('exchange_id', '=', options.exchangeId);
    const rows = await query
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(options.limit ?? 50, 1), 1000))
      .execute();
    return rows.map(fromToolCallRow);
  }

  /**
   * What the comparison's `side_effect` category needs: the candidate attempt's calls by how
   * they matched, and the original's recorded calls (all counted as `matched`, so calls the
   * candidate did not make show as missing). Undefined when neither side made a call.
   */
  async sideEffects(attemptId: string, originalId: string): Promise<SideEffectPair | undefined> {
    const [candidate, original] = await Promise.all([
      this.#db
        .selectFrom('tool_calls')
        .select(['match', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
        .where('attempt_id', '=', attemptId)
        .groupBy('match')
        .execute(),
      this.#db
        .selectFrom('tool_calls')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('exchange_id', '=', originalId)
        .where('role', '=', 'live')
        .executeTakeFirst(),
    ]);
    const counts = { matched: 0, unmatched: 0, extra: 0, blocked: 0 };
    for (const row of candidate) if (row.match in counts) counts[row.match as keyof typeof counts] = Number(row.n);
    const recorded = Number(original?.n ?? 0);
    if (recorded === 0 && candidate.length === 0) return undefined;
    return { candidate: counts, original: { matched: recorded, unmatched: 0, extra: 0, blocked: 0 } };
  }
}

export function toToolCallRow(r: ToolCallRecord): ToolCallsTable {
  return {
    id: r.id,
    exchange_id: r.exchangeId,
    attempt_id: r.attemptId,
    role: r.role,
    seq: r.seq,
    started_at: r.startedAt,
    destination: r.destination,
    policy: r.policy,
    method: r.method,
    path: r.path,
    body_key: r.bodyKey,
    request_headers: JSON.stringify(r.requestHeaders),
    request_body: r.requestBody,
    request_size: r.requestSize,
    status: r.status,
    response_headers: JSON.stringify(r.responseHeaders),
    response_body: r.responseBody,
    response_size: r.responseSize,
    response_truncated: r.responseTruncated ? 1 : 0,
    outcome: r.outcome,
    match: r.match,
    matched_id: r.matchedId,
    ttfb_ms: r.ttfbMs,
    duration_ms: r.durationMs,
    input_tokens: r.inputTokens,
    output_tokens: r.outputTokens,
    cost_usd: r.costUsd,
    error_code: r.error?.code ?? null,
    error_message: r.error?.message ?? null,
  };
}

export function fromToolCallRow(r: ToolCallsTable): ToolCallRecord {
  return {
    id: r.id,
    exchangeId: r.exchange_id,
    attemptId: r.attempt_id,
    role: r.role as ToolCallRole,
    seq: Number(r.seq),
    startedAt: Number(r.started_at),
    destination: r.destination,
    policy: r.policy,
    method: r.method,
    path: r.path,
    bodyKey: r.body_key,
    requestHeaders: JSON.parse(r.request_headers) as Record<string, string>,
    requestBody: bytesOf(r.request_body),
    requestSize: Number(r.request_size),
    status: r.status === null ? null : Number(r.status),
    responseHeaders: JSON.parse(r.response_headers) as Record<string, string>,
    responseBody: bytesOf(r.response_body),
    responseSize: Number(r.response_size),
    responseTruncated: Number(r.response_truncated) === 1,
    outcome: r.outcome as ToolCallOutcome,
    match: r.match as ToolCallMatch,
    matchedId: r.matched_id,
    ttfbMs: r.ttfb_ms === null ? null : Number(r.ttfb_ms),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    inputTokens: r.input_tokens === null ? null : Number(r.input_tokens),
    outputTokens: r.output_tokens === null ? null : Number(r.output_tokens),
    costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
    error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? '' },
  };
}

/** Both drivers hand back a Buffer; a plain Uint8Array view keeps the record driver-neutral. */
function bytesOf(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
