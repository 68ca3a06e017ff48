import { UnderstudyError } from '@understudy/core';
import { type ComparisonFilter, type ComparisonPage, candidateWindow, type Store } from '@understudy/store';
import type { ComparisonQuery } from './comparison-query.js';
import { definedEntries } from './parse-query.js';

/**
 * Comparisons matching a validated query. `canary=ID` means the canary's candidate version
 * while the canary lived (from its creation to its end, or now). A `run` or `canary` that names
 * nothing is `invalid_input`.
 */
export async function findComparisons(store: Store, query: ComparisonQuery): Promise<ComparisonPage> {
  const { run, canary, limit, cursor, ...rest } = query;
  const filter: ComparisonFilter = { ...definedEntries(rest), ...(run === undefined ? {} : { runId: run }) };
  // An id that names nothing is a typo, not an empty selection.
  if (run !== undefined && (await store.replays.getRun(run)) === undefined)
    throw new UnderstudyError('invalid_input', `invalid filter "run": no replay run with id "${run}"`);
  if (canary !== undefined) {
    const record = await store.canaries.get(canary);
    if (record === undefined) throw new UnderstudyError('invalid_input', `invalid filter "canary": no canary with id "${canary}"`);
    if (query.version !== undefined && query.version !== record.candidate)
      throw new UnderstudyError('invalid_input', `invalid filter "version": canary ${canary} is about version "${record.candidate}"`);
    const window = candidateWindow(record);
    Object.assign(filter, {
      version: record.candidate,
      since: Math.max(query.since ?? 0, window.from),
      ...(window.until === null ? {} : { until: Math.min(query.until ?? Number.MAX_SAFE_INTEGER, window.until) }),
    });
  }
  return store.comparisons.list(filter, definedEntries({ limit, cursor }));
}
