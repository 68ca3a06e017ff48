import type { ToolCallRecord } from '@understudy/store';

/** What a shadow call is matched by. */
export interface CallKey {
  readonly destination: string;
  readonly method: string;
  readonly path: string;
  readonly bodyKey: string;
}

/**
 * One shadow attempt's walk over the original's recorded calls. Each recorded call answers at
 * most once; a call takes the earliest unused recording with the same destination, method,
 * path and body, so repeated identical calls get their recordings in order while distinct
 * calls (two reads of different orders, say) may come in any order.
 */
export class EgressCursor {
  readonly #recorded: readonly ToolCallRecord[];
  readonly #used: boolean[];

  constructor(recorded: readonly ToolCallRecord[]) {
    this.#recorded = recorded;
    this.#used = recorded.map(() => false);
  }

  /** The recording that answers `key` (bodies ignored when `loose`), consumed; undefined when none is left. */
  take(key: CallKey, loose = false): ToolCallRecord | undefined {
    for (let i = 0; i < this.#recorded.length; i++) {
      const r = this.#recorded[i] as ToolCallRecord;
      if (this.#used[i] === true) continue;
      if (r.destination !== key.destination || r.method !== key.method || r.path !== key.path) continue;
      if (!loose && r.bodyKey !== key.bodyKey) continue;
      this.#used[i] = true;
      return r;
    }
    return undefined;
  }
}
