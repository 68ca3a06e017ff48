import { createRedactor, type PriceLookup, priceLookup, type Redactor } from '@understudy/capture';
import { type CompareExtension, NoiseModel } from '@understudy/compare';
import {
  type Clock,
  createIdGenerator,
  type Exchange,
  type IdGenerator,
  type Logger,
  parseConfig,
  type Random,
  silentLogger,
  systemClock,
  systemRandom,
  UnderstudyError,
  type Version,
} from '@understudy/core';
import { type ReplayResultRecord, type ReplayRunRecord, replayHeartbeatMs, type Store } from '@understudy/store';
import { Agent, type Dispatcher } from 'undici';
import { type CompareOptionsFor, defaultCompareOptions } from './compare-item.js';
import type { ComparePool } from './compare-pool.js';
import { type CompareReplayedDeps, compareReplayed, type PriceFn } from './compare-replayed.js';
import { createPacer } from './pacer.js';
import { rejudgeRun } from './rejudge-run.js';
import { type ReplayedRequest, replayRequest } from './replay-request.js';
import { replayResult, skippedResult } from './replay-result.js';
import { parseReplaySpec, type ReplaySpec, type ReplaySpecInput } from './replay-spec.js';
import type { ReplaySummary } from './replay-summary.js';
import { resolveVersion } from './resolve-version.js';
import { ResultWriter } from './result-writer.js';
import { plannedCount, type SelectedItem, selectExchanges } from './select-exchanges.js';
import { summarizeRun } from './summarize-run.js';
import { unreplayableReason } from './unreplayable.js';

export type { PriceFn } from './compare-replayed.js';

export interface ReplayerDeps {
  readonly store: Store;
  /** Outbound HTTP; by default an undici Agent the replayer owns and closes. */
  readonly dispatcher?: Dispatcher;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
  readonly ids?: IdGenerator;
  readonly compareOptions?: CompareOptionsFor;
  /**
   * Second opinions on each compared pair (a user comparator, the optional LLM judge), applied in
   * order after the rules; a failure is recorded on the pair (`extensionError`), never on the run.
   */
  readonly extensions?: readonly CompareExtension[];
  readonly price?: PriceFn;
  /** Worker threads the compare rules run on (one per process, shared by its runs); default the calling thread. */
  readonly comparePool?: ComparePool;
  /**
   * Redacts what targets answer, like the tap's captures. By default one built from the default
   * policy under `redactionKey` (else a key drawn for this process: placeholders are then
   * stable within it only).
   */
  readonly redactor?: Redactor;
  readonly redactionKey?: string;
  /** Prices the usage targets report; default capture's table. */
  readonly prices?: PriceLookup;
}

/** Live figures of a running replay, emitted after each commit. */
export interface ReplayProgress {
  readonly runId: string;
  readonly done: number;
  readonly planned: number | null;
  readonly errors: number;
  /** Items per second committed by this process. */
  readonly rate: number;
  /** Seconds left at the current rate, when the plan is known. */
  readonly etaSeconds: number | null;
}

export interface RunReplayOptions {
  /** Stops pulling new items; in-flight ones finish and are committed; the run stays resumable. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

/** How a run ended: its record (status, counters) and its report. */
export interface ReplayOutcome {
  readonly run: ReplayRunRecord;
  readonly summary: ReplaySummary;
}

export interface Replayer {
  /** Validates the spec, freezes the selection window and records a new run (status `running`). */
  create(input: ReplaySpecInput): Promise<ReplayRunRecord>;
  /** Runs (or resumes) a run to its end; completed items are never sent again. */
  run(runId: string, options?: RunReplayOptions): Promise<ReplayOutcome>;
  close(): Promise<void>;
}

/** The replay engine over the store: see {@link Replayer}. */
export function createReplayer(deps: ReplayerDeps): Replayer {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const logger = deps.logger ?? silentLogger;
  const ids = deps.ids ?? createIdGenerator({ clock, random });
  const optionsFor = deps.compareOptions ?? defaultCompareOptions;
  const ownDispatcher =
    deps.dispatcher === undefined ? new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 10_000 }) : undefined;
  const dispatcher = deps.dispatcher ?? (ownDispatcher as Dispatcher);
  const { store } = deps;
  const recording = {
    redactor: deps.redactor ?? createRedactor(parseConfig({}).tap.redaction, deps.redactionKey ?? drawnKey(random)),
    prices: deps.prices ?? priceLookup({}),
  };

  async function create(input: ReplaySpecInput): Promise<ReplayRunRecord> {
    const parsed = parseReplaySpec(input);
    const createdAt = clock.now();
    // Freeze the window: exchanges captured after the run starts never join it, even on resume.
    const spec: ReplaySpec = { ...parsed, selection: { ...parsed.selection, until: parsed.selection.until ?? createdAt + 1 } };
    await resolveVersion(store, spec.target);
    if (spec.baseline !== null) await resolveVersion(store, spec.baseline);
    const id = ids();
    await store.replays.createRun({
      id,
      createdAt,
      spec,
      target: spec.target,
      baseline: spec.baseline,
      planned: await plannedCount(store, spec.selection),
    });
    const run = await store.replays.getRun(id);
    if (run === undefined) throw new UnderstudyError('internal', `replay run ${id} vanished after creation`);
    return run;
  }

  async function run(runId: string, options: RunReplayOptions = {}): Promise<ReplayOutcome> {
    const record = await store.replays.getRun(runId);
    if (record === undefined) throw new UnderstudyError('not_found', `no replay run ${runId}`);
    const spec = parseReplaySpec(record.spec);
    const log = logger.child({ runId });
    // How the run's items are compared: the rules under the config's options, then the second opinions.
    const comparing: CompareReplayedDeps = {
      store,
      logger: log,
      optionsFor,
      extensions: deps.extensions ?? [],
      ...(deps.price === undefined ? {} : { price: deps.price }),
      ...(deps.comparePool === undefined ? {} : { pool: deps.comparePool }),
    };
    if (record.status !== 'completed') await store.replays.updateRun(runId, { status: 'running', errorMessage: null }, clock.now());
    const target = await resolveVersion(store, spec.target);
    const baseline = spec.baseline === null ? null : await resolveVersion(store, spec.baseline);

    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let abortReason: string | null = null;
    let errors = record.errors;
    let committed = 0;
    const started = clock.monotonic();
    const noise = new NoiseModel();
    const writer = new ResultWriter(store, runId, clock, (fresh) => {
      committed += fresh;
      const done = record.done + committed;
      const seconds = (clock.monotonic() - started) / 1000;
      const rate = seconds > 0 ? committed / seconds : 0;
      const etaSeconds = record.planned === null || rate === 0 ? null : Math.max(0, record.planned - done) / rate;
      options.onProgress?.({ runId, done, planned: record.planned, errors, rate, etaSeconds });
    });

    if (record.status !== 'completed') {
      // The run's heartbeat: a run whose process died stops beating and reads `interrupted`.
      const heartbeat = clock.setInterval(() => {
        store.replays.beat(runId, clock.now()).catch((error: unknown) => log.warn({ err: error }, 'replay heartbeat failed'));
      }, replayHeartbeatMs);
      const pacer = createPacer(clock, spec);
      const items = selectExchanges(store, spec.selection, { skip: (batch) => store.replays.completedAmong(runId, batch) });
      const worker = async (): Promise<void> => {
        while (!stop.signal.aborted) {
          const next = await items.next();
          if (next.done === true) return;
          const unreplayable = spec.includeUnreplayable ? null : unreplayableReason(next.value.exchange);
          if (unreplayable !== null) {
            await writer.add(skippedResult(runId, next.value, unreplayable, clock.now()), []);
            continue;
          }
          await pacer.wait(next.value.exchange.startedAt, stop.signal);
          if (stop.signal.aborted) return;
          const { result, exchanges, interrupted } = await replayItem(next.value);
          // Stopped mid-retry: not a result. Left uncommitted, the item is sent again on resume.
          if (interrupted) continue;
          if (result.verdict === 'error') {
            errors++;
            if (spec.errorBudget !== null && errors > spec.errorBudget && abortReason === null) {
              abortReason = `error budget exhausted: ${errors} items without a response (budget ${spec.errorBudget})`;
              log.warn({ errors }, abortReason);
              stop.abort();
            }
          }
          await writer.add(result, exchanges);
        }
      };
      // A failing worker (a store error, say) stops the others; the writer closes only once every
      // worker has settled, so none can add to it after, and the run ends aborted with the error.
      let failure: unknown;
      const failed = (error: unknown): void => {
        if (failure !== undefined) return;
        failure = error;
        log.error({ err: error }, 'replay run failed');
        stop.abort();
      };
      try {
        await Promise.all(Array.from({ length: spec.concurrency }, () => worker().catch(failed)));
        await items.return(undefined).catch(failed);
        await writer.close().catch(failed);
      } finally {
        heartbeat.cancel();
        options.signal?.removeEventListener('abort', onAbort);
      }
      if (failure !== undefined) abortReason = `failed: ${failure instanceof Error ? failure.message : String(failure)}`;
      if (abortReason === null && options.signal?.aborted === true) abortReason = 'interrupted: resume with --resume';
      if (abortReason === null && baseline !== null) await rejudgeRun(store, runId, optionsFor);
    }

    const status = abortReason === null ? 'completed' : 'aborted';
    const current = (await store.replays.getRun(runId)) ?? record;
    const summary = await summarizeRun(store, { ...current, status }, spec, abortReason);
    await store.replays.updateRun(runId, { status, summary, errorMessage: abortReason }, clock.now());
    const final = (await store.replays.getRun(runId)) ?? current;
    log.info({ status, done: summary.done, passed: summary.passed }, 'replay run finished');
    return { run: final, summary };

    async function replayItem(item: SelectedItem): Promise<{ result: ReplayResultRecord; exchanges: Exchange[]; interrupted: boolean }> {
      const original = item.exchange;
      const request = {
        runId,
        timeoutMs: spec.timeoutMs,
        maxBodyBytes: spec.maxBodyBytes,
        retries: spec.retries,
        backoffMs: spec.backoffMs,
        maxBackoffMs: spec.maxBackoffMs,
      };
      const send = (version: Version): Promise<ReplayedRequest> =>
        replayRequest({ dispatcher, clock, random, ids, record: recording }, original, version, { ...request, signal: stop.signal });
      const [candidate, base] = await Promise.all([send(target), baseline === null ? null : send(baseline)]);
      const compared = await compareReplayed(
        comparing,
        { original, candidate: candidate.exchange, baseline: base?.exchange ?? null },
        { noise, hasBaseline: baseline !== null, signal: stop.signal },
      );
      return {
        result: replayResult(runId, item, compared, candidate.attempts, clock.now()),
        exchanges: compared.baseline === null ? [compared.candidate] : [compared.candidate, compared.baseline],
        interrupted: candidate.interrupted || base?.interrupted === true,
      };
    }
  }

  return {
    create,
    run,
    close: async () => {
      await ownDispatcher?.close();
    },
  };
}

/** A 256-bit key from the injected random source, for a replayer given none. */
function drawnKey(random: Random): string {
  let key = '';
  for (let i = 0; i < 32; i++)
    key += Math.floor(random.next() * 256)
      .toString(16)
      .padStart(2, '0');
  return key;
}
