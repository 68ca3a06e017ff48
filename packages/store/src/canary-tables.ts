/** Row shape of `canaries` (migration 0003): one canary and its persisted state machine. */
export interface CanariesTable {
  id: string;
  spec: string;
  stable: string;
  candidate: string;
  state: string;
  step_index: number;
  weight: number;
  step_started_at: number | null;
  analysis_started_at: number | null;
  next_analysis_at: number | null;
  consecutive_failures: number;
  looks: number;
  generation: number;
  resume_state: string | null;
  reason: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** Row shape of `canary_events`: the append-only, hash-chained decision ledger. */
export interface CanaryEventsTable {
  canary_id: string;
  seq: number;
  at: number;
  type: string;
  actor: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/** Row shape of `canary_actions`: idempotency keys (canary, generation, action). */
export interface CanaryActionsTable {
  canary_id: string;
  generation: number;
  action: string;
  at: number;
}

/** Row shape of `routing`: what a tap serving `route` sends where, versioned by `revision`. */
export interface RoutingTable {
  route: string;
  revision: number;
  primary_version: string;
  candidate: string | null;
  weight: number;
  sticky: string | null;
  fallback: number;
  canary_id: string | null;
  updated_at: number;
}

/** Row shape of `controller_leases`: which controller instance is active. */
export interface ControllerLeasesTable {
  name: string;
  holder: string;
  expires_at: number;
  fence: number;
}
