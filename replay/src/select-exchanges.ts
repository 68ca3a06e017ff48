import type { Exchange } from '@understudy/core';
import { type CandidateWindow, candidateWindow, type ExchangeFilter, type Store } from '@understudy/store';
import type { ReplaySelection } from './replay-spec.js';
import { inSample } from './sample.js';

/** One selected exchange and its position in the run's selection order. */
export interface SelectedItem {
  readonly exchange: Exchange;
  readonly seq: number;
}

/** The store filter of a selection: live traffic only, so replays never replay replays. */
export function selectionFilter(selection: ReplaySelection): ExchangeFilter {
  return {
    role: 'live',
    ...(selection.since === undefined ? {} : { since: selection.since }),
    ...(selection.until === undefined ? {} : { until: selection.until }),
    ...(selection.path === undefined ? {} : { path: selection.path }),
    ...(selection.method === undefined ? {} : { method: selection.method }),
    ...(selection.status === undefined ? {} : { status: selection.status }),
    ...(selection.version === undefined ? {} : { version: selection.version }),
  };
}

/**
 * The windows whose candidates' answers a selection leaves out: every canary's, unless the
 * selection names a version (then its answers are what was asked for) or keeps them.
 */
export async function excludedWindows(store: Store, selection: ReplaySelection): Promise<CandidateWindow[]> {
  if (selection.version !== undefined || selection.includeCanary) return [];
  const out: CandidateWindow[] = [];
  let beforeId: string | undefined;
  for (;;) {
    const page = await store.canaries.list({ limit: 1000, ...(beforeId === undefined ? {} : { beforeId }) });
    out.push(...page.map(candidateWindow));
    const last = page.at(-1);
    if (last === undefined || page.length < 1000) return out;
    beforeId = last.id;
  }
}

const inWindow = (e: Pick<Exchange, 'version' | 'startedAt'>, w: CandidateWindow): boolean =>
  e.version === w.candidate && e.startedAt >= w.from && (w.until === null || e.startedAt < w.until);

/**
 * Streams a selection oldest first, one page at a time (memory stays flat), applying the
 * seeded sample and the limit. The order and membership depend only on the stored rows and
 * the selection, so a resumed run walks the same sequence; `skip` names the items of a page
 * that are already done (one query per page), and those are not yielded.
 */
export async function* selectExchanges(
  store: Store,
  selection: ReplaySelection,
  options: { pageSize?: number; skip?: (ids: string[]) => Promise<Set<string>> } = {},
): AsyncGenerator<SelectedItem> {
  const filter = selectionFilter(selection);
  const windows = await excludedWindows(store, selection);
  const pageSize = options.pageSize ?? 500;
  const limit = selection.limit ?? Number.POSITIVE_INFINITY;
  let seq = 0;
  let after: string | null = null;
  while (seq < limit) {
    const page = await store.scan.page(filter, after, pageSize);
    const last = page.at(-1);
    if (last === undefined) return;
    after = last.id;
    const chosen: SelectedItem[] = [];
    for (const exchange of page) {
      if (seq >= limit) break;
      if (windows.some((w) => inWindow(exchange, w))) continue;
      if (inSample(exchange.id, selection.sample, selection.seed)) chosen.push({ exchange, seq: seq++ });
    }
    const done = options.skip === undefined ? new Set<string>() : await options.skip(chosen.map((c) => c.exchange.id));
    for (const item of chosen) if (!done.has(item.exchange.id)) yield item;
    if (page.length < pageSize) return;
  }
}

/** An estimate of a selection's size for progress and ETA (exact without sampling). */
export async function plannedCount(store: Store, selection: ReplaySelection): Promise<number> {
  const filter = selectionFilter(selection);
  let matching = await store.scan.count(filter);
  for (const w of await excludedWindows(store, selection)) {
    const since = Math.max(filter.since ?? w.from, w.from);
    const until = Math.min(filter.until ?? Number.MAX_SAFE_INTEGER, w.until ?? Number.MAX_SAFE_INTEGER);
    if (since < until) matching -= await store.scan.count({ ...filter, version: w.candidate, since, until });
  }
  return Math.min(selection.limit ?? Number.POSITIVE_INFINITY, Math.round(matching * selection.sample));
}
