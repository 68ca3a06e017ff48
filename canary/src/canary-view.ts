import { createHash } from 'node:crypto';
import { UnderstudyError } from '@understudy/core';
import type { CanaryRecord } from '@understudy/store';
import { type CanarySpec, parseCanarySpec } from './canary-spec.js';
import { type CanaryState, isCanaryState } from './canary-state.js';

/** A stored canary with its spec parsed and its state typed. */
export interface CanaryView {
  readonly record: CanaryRecord;
  readonly spec: CanarySpec;
  readonly state: CanaryState;
  /** sha256 of the spec as stored: evidence names the exact configuration it was judged under. */
  readonly configHash: string;
}

export function viewCanary(record: CanaryRecord): CanaryView {
  if (!isCanaryState(record.state)) throw new UnderstudyError('internal', `canary ${record.id} has an unknown state "${record.state}"`);
  return { record, spec: parseCanarySpec(record.spec), state: record.state, configHash: configHash(record.spec) };
}

export function configHash(spec: unknown): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

/** The route (tap home version) a canary drives. */
export function routeOf(spec: CanarySpec): string {
  return spec.route ?? spec.stable;
}

/** What webhooks and API clients see of a canary. */
export function canarySummary(view: CanaryView): Record<string, unknown> {
  const r = view.record;
  return {
    id: r.id,
    stable: r.stable,
    candidate: r.candidate,
    state: r.state,
    step: r.stepIndex + 1,
    steps: view.spec.steps.length,
    weight: r.weight,
    reason: r.reason,
  };
}
