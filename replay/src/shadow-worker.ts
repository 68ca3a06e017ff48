import {
  type CanonicalResponse,
  type CompareExtension,
  canonicalize,
  compareResponses,
  type DivergenceReport,
  type JudgeOptions,
} from '@understudy/compare';
import { type Clock, type Exchange, type Logger, silentLogger, systemClock, type TimerHandle } from '@understudy/core';
import type { ShadowComparisonRecord, Store } from '@understudy/store';
import { applyExtensions } from './apply-extensions.js';
import { type CompareOptionsFor, defaultCompareOptions, endpointOf } from './compare-item.js';
import type { ComparePool } from './compare-pool.js';
import { sideEffectsFor } from './side-effects-for.js';

export interface ShadowWorkerDeps {
  readonly store: Store;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly compareOptions?: CompareOptionsFor;
  /**
   * Second opinions on each pair (the user comparator, the LLM judge), after the rules; a failure
   * is recorded on the pair (`extensionError`). Asked for up to `extensionConcurrency` pairs at once.
   */
  readonly extensions?: readonly CompareExtension[];
  /** Pairs of a page whose second opinions are awaited at once. Default 16. */
  readonly extensionConcurrency?: number;
  /** Called once per stored comparison, e.g. to count verdicts in `/metrics`. */
  readonly onComparison?: (verdict: string) => void;
  /** Threads the rules run on (the process's compare pool); default the calling thread. */
  readonly comparePool?: ComparePool;
  /** Poll period. Default 500 ms. */
  readonly intervalMs?: number;
  /** Shadow exchanges compared per poll. Default 200. */
  readonly batchSize?: number;
  /** A shadow whose parent is still missing after this long is recorded as `orphan`. Default 60 s. */
  readonly orphanAfterMs?: number;
}

export interface ShadowWorker {
  /** Compares what is pending now; returns how many comparisons were stored. */
  tick(): Promise<number>;
  /** Starts polling on the clock. */
  start(): void;
  /** Stops polling and waits for a tick in progress. */
  stop(): Promise<void>;
}

// Pairs of a page compared at once on a compare pool: enough to keep its threads busy.
const pairsAtOnce = 16;

/** A shadow's comparison by the rules, and the pair its second opinions are asked about. */
interface Compared {
  readonly record: ShadowComparisonRecord;
  readonly pair?: {
    readonly report: DivergenceReport;
    readonly candidate: CanonicalResponse;
    readonly original: CanonicalResponse;
    readonly judge?: Partial<JudgeOptions>;
  };
}

/**
 * Compares each live shadow exchange with its live parent as they arrive in the store, and
 * stores the judged report (verdict, score) in `shadow_comparisons`. Without a baseline the
 * judge applies its conservative structural rules. Idempotent: a comparison is stored once
 * per shadow exchange, so several workers (or restarts) never double count.
 */
export function createShadowWorker(deps: ShadowWorkerDeps): ShadowWorker {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const optionsFor = deps.compareOptions ?? defaultCompareOptions;
  const batchSize = deps.batchSize ?? 200;
  const orphanAfterMs = deps.orphanAfterMs ?? 60_000;
  const extensions = deps.extensions ?? [];
  const extensionConcurrency = deps.extensionConcurrency ?? 16;
  let timer: TimerHandle | undefined;
  let running: Promise<number> | undefined;
  // Aborted by stop(): a second opinion in flight gives up, and its page is left for the next start.
  let stopping = new AbortController();

  async function tick(): Promise<number> {
    let after: string | null = null;
    let stored = 0;
    // Bounded: a few pages per tick, so one tick never runs away on a backlog.
    for (let page = 0; page < 10; page++) {
      const pending = await deps.store.shadowComparisons.pending(after, batchSize);
      if (pending.length === 0) break;
      after = pending.at(-1)?.id ?? null;
      const compared: Compared[] = [];
      // With a pool, a page's pairs are compared a few at a time on its threads.
      const atOnce = deps.comparePool === undefined ? 1 : pairsAtOnce;
      for (let i = 0; i < pending.length; i += atOnce) {
        for (const one of await Promise.all(pending.slice(i, i + atOnce).map(compareOne))) if (one !== undefined) compared.push(one);
      }
      const records = await withSecondOpinions(compared);
      // Stopped while asking: nothing of this page is stored, so the next start compares it whole.
      if (stopping.signal.aborted) break;
      await deps.store.shadowComparisons.insertMany(records);
      for (const r of records) deps.onComparison?.(r.verdict);
      stored += records.length;
      if (pending.length < batchSize) break;
    }
    return stored;
  }

  /** The second opinions on the compared pairs of a page, a bounded number at a time. */
  async function withSecondOpinions(compared: readonly Compared[]): Promise<ShadowComparisonRecord[]> {
    if (extensions.length === 0) return compared.map((c) => c.record);
    const out: ShadowComparisonRecord[] = [];
    for (let i = 0; i < compared.length && !stopping.signal.aborted; i += extensionConcurrency) {
      const slice = compared.slice(i, i + extensionConcurrency);
      out.push(...(await Promise.all(slice.map(secondOpinions))));
    }
    return out;
  }

  async function secondOpinions({ record, pair }: Compared): Promise<ShadowComparisonRecord> {
    if (pair === undefined) return record;
    const report = await applyExtensions(pair.report, extensions, pair.candidate, pair.original, {
      noise: null,
      ...(pair.judge === undefined ? {} : { judge: pair.judge }),
      signal: stopping.signal,
    });
    return { ...record, verdict: report.verdict, score: report.score, scoreOverNoise: report.scoreOverNoise, report };
  }

  async function compareOne(shadow: Exchange): Promise<Compared | undefined> {
    const parent = shadow.parentId === null ? undefined : await deps.store.exchanges.get(shadow.parentId);
    const endpoint = parent === undefined ? endpointOf(shadow) : endpointOf(parent);
    if (parent === undefined) {
      // The parent is written by the same capture queue, usually in the same batch; wait a while.
      if (clock.now() - shadow.startedAt < orphanAfterMs) return undefined;
      return {
        record: {
          exchangeId: shadow.id,
          parentId: shadow.parentId ?? '',
          endpoint,
          verdict: 'orphan',
          score: null,
          scoreOverNoise: null,
          report: null,
          createdAt: clock.now(),
        },
      };
    }
    // The shadow's tool calls (egress proxy) join the comparison as its side_effect category.
    const sideEffects = await sideEffectsFor(deps.store, shadow, parent, logger);
    const options = optionsFor(endpoint);
    const candidate = canonicalize(shadow);
    const original = canonicalize(parent);
    const compareOptions = { ...options, endpoint, noise: null, ...(sideEffects === undefined ? {} : { sideEffects }) };
    const report =
      deps.comparePool === undefined
        ? compareResponses(candidate, original, compareOptions)
        : await deps.comparePool.compare(candidate, original, compareOptions);
    return {
      record: {
        exchangeId: shadow.id,
        parentId: parent.id,
        endpoint,
        verdict: report.verdict,
        score: report.score,
        scoreOverNoise: report.scoreOverNoise,
        report,
        createdAt: clock.now(),
      },
      pair: { report, candidate, original, ...(options.judge === undefined ? {} : { judge: options.judge }) },
    };
  }

  const guarded = (): Promise<number> => {
    running ??= tick()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shadow comparison tick failed; retrying on the next one');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    tick: guarded,
    start() {
      if (stopping.signal.aborted) stopping = new AbortController();
      timer ??= clock.setInterval(() => void guarded(), deps.intervalMs ?? 500);
    },
    async stop() {
      timer?.cancel();
      timer = undefined;
      stopping.abort();
      await running;
    },
  };
}
