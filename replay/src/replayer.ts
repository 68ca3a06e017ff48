import { createRedactor, type PriceLookup, priceLookup, type Redactor } from '@understudy/capture';
import {
  applyExtension,
  type CanonicalResponse,
  type CompareExtension,
  canonicalize,
  compareResponses,
  type DivergenceReport,
  judge,
  NoiseModel,
} from '@understudy/compare';
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
import { type ReplayResultRecord, type ReplayRunRecord, type ReplayVerdictUpdate, replayHeartbeatMs, type Store } from '@understudy/store';
import { Agent, type Dispatcher } from 'undici';
import { type CompareOptionsFor, defaultCompareOptions, endpointOf } from './compare-item.js';
import { createPacer } from './pacer.js';
import { type ReplayedRequest, replayRequest } from './replay-request.js';
import { parseReplaySpec, type ReplaySpec, type ReplaySpecInput } from './replay-spec.js';
import type { ReplaySummary } from './replay-summary.js';
import { resolveVersion } from './resolve-version.js';
import { ResultWriter } from './result-writer.js';
import { plannedCount, type SelectedItem, selectExchanges } from './select-exchanges.js';
import { sideEffectsFor } from './side-effects-for.js';
import { summarizeRun } from './summarize-run.js';
import { type UnreplayableReason, unreplayableReason } from './unreplayable.js';

/** Prices a response from its model and token counts (the CLI passes the tap's table). */
export type PriceFn = (model: string | null, inputTokens: number | null, outputTokens: number | null) => number | null;

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
            await writer.add(skippedResult(next.value, unreplayable), []);
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
      if (abortReason === null && baseline !== null) await rejudge(runId);
    }

    const status = abortReason === null ? 'completed' : 'aborted';
    const current = (await store.replays.getRun(runId)) ?? record;
    const summary = await summarizeRun(store, { ...current, status }, spec, abortReason);
    await store.replays.updateRun(runId, { status, summary, errorMessage: abortReason }, clock.now());
    const final = (await store.replays.getRun(runId)) ?? current;
    log.info({ status, done: summary.done, passed: summary.passed }, 'replay run finished');
    return { run: final, summary };

    /** An item left out because it cannot be replayed faithfully: committed, so a resume skips it too. */
    function skippedResult(item: SelectedItem, reason: UnreplayableReason): ReplayResultRecord {
      const original = item.exchange;
      return {
        runId,
        exchangeId: original.id,
        seq: item.seq,
        endpoint: endpointOf(original),
        candidateId: null,
        baselineId: null,
        verdict: 'skipped',
        score: null,
        scoreOverNoise: null,
        originalStatus: original.status,
        candidateStatus: null,
        originalMs: original.durationMs,
        candidateMs: null,
        originalTokens: tokenSum(original),
        candidateTokens: null,
        originalCost: original.usage.costUsd,
        candidateCost: null,
        attempts: 0,
        errorCode: reason,
        errorMessage: 'not replayed: the capture cannot be sent again as it was (--include-unreplayable forces it)',
        report: null,
        baselineReport: null,
        completedAt: clock.now(),
      };
    }

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
      const endpoint = endpointOf(original);
      const originalCanon = canonicalize(original);
      const { exchange: candidateExchange, canon: candidateCanon } = priced(candidate.exchange);
      const exchanges = [candidateExchange];
      let baselineReport: DivergenceReport | null = null;
      let baselineId: string | null = null;
      // The baseline's answer to this same input: facts production itself varies on are noise.
      const sameInput: CanonicalResponse[] = [];
      if (base !== null) {
        const b = priced(base.exchange);
        exchanges.push(b.exchange);
        baselineId = b.exchange.id;
        if (b.exchange.error === null) {
          sameInput.push(b.canon);
          const sideEffects = await sideEffectsFor(store, b.exchange, original, log);
          baselineReport = compareResponses(b.canon, originalCanon, {
            ...optionsFor(endpoint),
            endpoint,
            noise: null,
            ...(sideEffects === undefined ? {} : { sideEffects }),
          });
          noise.addBaselineReport(baselineReport);
        }
      }
      const failed = candidateExchange.error;
      // The candidate's tool calls (egress proxy) join the comparison as its side_effect category.
      const sideEffects = failed === null ? await sideEffectsFor(store, candidateExchange, original, log) : undefined;
      let report =
        failed === null
          ? compareResponses(candidateCanon, originalCanon, {
              ...optionsFor(endpoint),
              endpoint,
              noise: baseline === null ? null : noise,
              baselines: sameInput,
              ...(sideEffects === undefined ? {} : { sideEffects }),
            })
          : null;
      for (const extension of deps.extensions ?? []) {
        if (report === null) break;
        report = await applyExtension(report, extension, candidateCanon, originalCanon, {
          noise: baseline === null ? null : noise,
          judge: optionsFor(endpoint).judge,
          baselines: sameInput,
          signal: stop.signal,
        });
      }
      const result: ReplayResultRecord = {
        runId,
        exchangeId: original.id,
        seq: item.seq,
        endpoint,
        candidateId: candidateExchange.id,
        baselineId,
        verdict: report?.verdict ?? 'error',
        score: report?.score ?? null,
        scoreOverNoise: report?.scoreOverNoise ?? null,
        originalStatus: original.status,
        candidateStatus: candidateExchange.status,
        originalMs: original.durationMs,
        candidateMs: candidateExchange.durationMs,
        originalTokens: tokenSum(original),
        candidateTokens: tokenSum(candidateExchange),
        originalCost: original.usage.costUsd,
        candidateCost: candidateExchange.usage.costUsd,
        attempts: candidate.attempts,
        errorCode: failed?.code ?? null,
        errorMessage: failed?.message ?? null,
        report,
        baselineReport,
        completedAt: clock.now(),
      };
      return { result, exchanges, interrupted: candidate.interrupted || base?.interrupted === true };
    }
  }

  /** Token counts and cost of a replayed response, read from its body as the tap would. */
  function priced(exchange: Exchange): { exchange: Exchange; canon: CanonicalResponse } {
    const canon = canonicalize(exchange);
    const { inputTokens, outputTokens } = canon.usage;
    const costUsd = deps.price?.(canon.model, inputTokens, outputTokens) ?? null;
    const withUsage: Exchange = { ...exchange, usage: { inputTokens, outputTokens, costUsd } };
    return { exchange: withUsage, canon: { ...canon, usage: withUsage.usage } };
  }

  /**
   * With a baseline, early items were judged against a partial noise floor: rebuild the floor
   * from every stored baseline report, then re-judge every candidate report against it.
   */
  async function rejudge(runId: string): Promise<void> {
    const noise = new NoiseModel();
    for await (const r of allResults(runId)) if (r.baselineReport !== null) noise.addBaselineReport(r.baselineReport as DivergenceReport);
    let updates: ReplayVerdictUpdate[] = [];
    for await (const r of allResults(runId)) {
      if (r.report === null) continue;
      const judged = judge(r.report as DivergenceReport, noise, optionsFor(r.endpoint).judge);
      if (judged.verdict !== r.verdict || judged.scoreOverNoise !== r.scoreOverNoise) {
        updates.push({ exchangeId: r.exchangeId, verdict: judged.verdict, scoreOverNoise: judged.scoreOverNoise, report: judged });
      }
      if (updates.length >= 200) {
        await store.replays.updateVerdicts(runId, updates);
        updates = [];
      }
    }
    await store.replays.updateVerdicts(runId, updates);
  }

  async function* allResults(runId: string): AsyncGenerator<ReplayResultRecord> {
    let afterSeq: number | undefined;
    for (;;) {
      const page = await store.replays.listResults(runId, { limit: 500, ...(afterSeq === undefined ? {} : { afterSeq }) });
      yield* page.items;
      if (page.nextSeq === null) return;
      afterSeq = page.nextSeq;
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

function tokenSum(e: Exchange): number | null {
  const { inputTokens, outputTokens } = e.usage;
  return inputTokens === null && outputTokens === null ? null : (inputTokens ?? 0) + (outputTokens ?? 0);
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
