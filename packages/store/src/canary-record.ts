import type { CanariesTable, CanaryEventsTable } from './canary-tables.js';
import type { RoutingWrite } from './routing-repository.js';

/** The states a canary never leaves; its last change (`updatedAt`) is when it ended. */
export const canaryFinalStates: readonly string[] = ['promoted', 'rolled_back', 'aborted'];

/** When a canary's candidate served live traffic as a candidate: from its creation to its end (exclusive), or open. */
export interface CandidateWindow {
  readonly candidate: string;
  readonly from: number;
  /** Exclusive; null while the canary lives. */
  readonly until: number | null;
}

/** The window of {@link CandidateWindow} of one canary. */
export function candidateWindow(c: Pick<CanaryRecord, 'candidate' | 'createdAt' | 'updatedAt' | 'state'>): CandidateWindow {
  return { candidate: c.candidate, from: c.createdAt, until: canaryFinalStates.includes(c.state) ? c.updatedAt + 1 : null };
}

/** A canary as stored; `spec` is the validated spec (the canary package owns its shape). */
export interface CanaryRecord {
  readonly id: string;
  readonly spec: unknown;
  readonly stable: string;
  readonly candidate: string;
  readonly state: string;
  /** −1 before the first live step. */
  readonly stepIndex: number;
  readonly weight: number;
  readonly stepStartedAt: number | null;
  readonly analysisStartedAt: number | null;
  /** The controller's timer, as a stored timestamp. */
  readonly nextAnalysisAt: number | null;
  readonly consecutiveFailures: number;
  readonly looks: number;
  /** Bumped by every change; a change names the generation it saw (optimistic concurrency). */
  readonly generation: number;
  /** The state a paused canary returns to. */
  readonly resumeState: string | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type CanaryPatch = Partial<
  Pick<
    CanaryRecord,
    | 'state'
    | 'stepIndex'
    | 'weight'
    | 'stepStartedAt'
    | 'analysisStartedAt'
    | 'nextAnalysisAt'
    | 'consecutiveFailures'
    | 'looks'
    | 'resumeState'
    | 'reason'
  >
>;

/** An event to append to a canary's ledger. */
export interface CanaryEventInput {
  readonly type: string;
  /** `controller`, or the name of the API token / CLI user that acted. */
  readonly actor: string;
  readonly data: unknown;
}

/** One ledger entry as stored. */
export interface CanaryEvent {
  readonly canaryId: string;
  readonly seq: number;
  readonly at: number;
  readonly type: string;
  readonly actor: string;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The result of checking a ledger's hash chain. */
export interface LedgerVerification {
  readonly ok: boolean;
  readonly events: number;
  /** The first seq whose hash or link does not match, or null. */
  readonly brokenAt: number | null;
  readonly reason: string | null;
}

export interface CanaryChange {
  /** The generation the caller read; a stale one makes the change a no-op (null). */
  readonly generation: number;
  /** Idempotency key together with (canary, generation): the same action never applies twice. */
  readonly action: string;
  readonly patch: CanaryPatch;
  readonly events: readonly CanaryEventInput[];
  /** Routing to write in the same transaction, so a rollback and its weight 0 commit together. */
  readonly routing?: RoutingWrite;
  readonly at: number;
}

export function toRow(r: Omit<CanaryRecord, 'generation' | 'updatedAt'>): Omit<CanariesTable, 'generation' | 'updated_at'> {
  return {
    id: r.id,
    spec: JSON.stringify(r.spec),
    stable: r.stable,
    candidate: r.candidate,
    created_by: r.createdBy,
    created_at: r.createdAt,
    state: r.state,
    step_index: r.stepIndex,
    weight: r.weight,
    step_started_at: r.stepStartedAt,
    analysis_started_at: r.analysisStartedAt,
    next_analysis_at: r.nextAnalysisAt,
    consecutive_failures: r.consecutiveFailures,
    looks: r.looks,
    resume_state: r.resumeState,
    reason: r.reason,
  };
}

export function patchRow(p: CanaryPatch): Partial<CanariesTable> {
  const out: Partial<CanariesTable> = {};
  if (p.state !== undefined) out.state = p.state;
  if (p.stepIndex !== undefined) out.step_index = p.stepIndex;
  if (p.weight !== undefined) out.weight = p.weight;
  if (p.stepStartedAt !== undefined) out.step_started_at = p.stepStartedAt;
  if (p.analysisStartedAt !== undefined) out.analysis_started_at = p.analysisStartedAt;
  if (p.nextAnalysisAt !== undefined) out.next_analysis_at = p.nextAnalysisAt;
  if (p.consecutiveFailures !== undefined) out.consecutive_failures = p.consecutiveFailures;
  if (p.looks !== undefined) out.looks = p.looks;
  if (p.resumeState !== undefined) out.resume_state = p.resumeState;
  if (p.reason !== undefined) out.reason = p.reason;
  return out;
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

export function fromRow(r: CanariesTable): CanaryRecord {
  return {
    id: r.id,
    spec: JSON.parse(r.spec) as unknown,
    stable: r.stable,
    candidate: r.candidate,
    state: r.state,
    stepIndex: Number(r.step_index),
    weight: Number(r.weight),
    stepStartedAt: num(r.step_started_at),
    analysisStartedAt: num(r.analysis_started_at),
    nextAnalysisAt: num(r.next_analysis_at),
    consecutiveFailures: Number(r.consecutive_failures),
    looks: Number(r.looks),
    generation: Number(r.generation),
    resumeState: r.resume_state,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export function fromEventRow(r: CanaryEventsTable): CanaryEvent {
  return {
    canaryId: r.canary_id,
    seq: Number(r.seq),
    at: Number(r.at),
    type: r.type,
    actor: r.actor,
    data: JSON.parse(r.data) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
