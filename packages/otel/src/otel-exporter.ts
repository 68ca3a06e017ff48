import { reasonOf } from '@understudy/compare';
import { type Clock, type Exchange, type Logger, silentLogger, type TimerHandle } from '@understudy/core';
import type { Store, ToolCallRecord } from '@understudy/store';
import type { SpanPipeline, SpanPipelineStats } from './span-pipeline.js';
import { type ComparisonFacts, TelemetrySpans } from './telemetry-spans.js';

export interface OtelExporterDeps {
  readonly store: Store;
  readonly pipeline: SpanPipeline;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly captureContent: boolean;
  readonly pollMs: number;
  /** How far back each poll looks again, for rows written late (multi-process stores). Default 30 s. */
  readonly overlapMs?: number;
  /** An exchange is exported once it ended this long ago, so its tool calls are stored. Default 2 s. */
  readonly settleMs?: number;
  /** Rows read per poll and kind, at most. Default 5 000. */
  readonly maxPerPoll?: number;
  /** Export from this time on (epoch ms; default: when started), not the store's history: earlier rows are skipped even inside the overlap. */
  readonly since?: number;
}

export interface OtelExporter {
  /** Reads what is new and hands it to the pipeline; returns how many records became spans. */
  tick(): Promise<number>;
  start(): void;
  /** Stops polling, exports what is queued and shuts the pipeline down. */
  stop(): Promise<void>;
  stats(): SpanPipelineStats & { readonly records: number };
}

/** Remembers what was exported, bounded: the oldest keys go first. */
class SeenSet {
  readonly #keys = new Set<string>();
  constructor(readonly limit: number) {}
  has(key: string): boolean {
    return this.#keys.has(key);
  }
  add(key: string): void {
    this.#keys.add(key);
    if (this.#keys.size > this.limit) {
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
  }
}

/**
 * Tails the store and exports it as OpenTelemetry spans: every exchange (live, shadow, replay)
 * with its egress tool calls, every comparison (live shadow and replay), every canary ledger
 * event. It reads the store, never the request path: a slow or absent collector costs only
 * dropped spans (counted), never a request. Started by the CLI when `otel` is on.
 */
export function createOtelExporter(deps: OtelExporterDeps): OtelExporter {
  const { store, clock } = deps;
  const logger = deps.logger ?? silentLogger;
  const spans = new TelemetrySpans(deps.pipeline, { captureContent: deps.captureContent });
  const overlapMs = deps.overlapMs ?? 30_000;
  const settleMs = deps.settleMs ?? 2_000;
  const maxPerPoll = deps.maxPerPoll ?? 5_000;
  const seen = new SeenSet(200_000);
  const start = deps.since ?? clock.now();
  let exchangeMark = start;
  let comparisonMark = start;
  let canaryMark = start;
  let records = 0;
  let timer: TimerHandle | undefined;
  let running: Promise<number> | undefined;

  async function toolCallsOf(e: Exchange): Promise<ToolCallRecord[]> {
    return e.role === 'live' ? store.toolCalls.recorded(e.id) : store.toolCalls.ofAttempt(e.id);
  }

  async function exchanges(now: number): Promise<number> {
    let n = 0;
    let after: string | null = null;
    const since = exchangeMark - overlapMs;
    while (n < maxPerPoll) {
      const page: Exchange[] = await store.scan.page({ since }, after, Math.min(500, maxPerPoll - n));
      if (page.length === 0) break;
      after = page.at(-1)?.id ?? null;
      for (const e of page) {
        if (e.startedAt < start || seen.has(`x:${e.id}`)) continue;
        if (e.startedAt + (e.durationMs ?? 0) > now - settleMs) continue; // its tool calls may still be on their way
        spans.exchange(e, await toolCallsOf(e));
        seen.add(`x:${e.id}`);
        exchangeMark = Math.max(exchangeMark, e.startedAt);
        n++;
      }
    }
    return n;
  }

  async function comparisons(): Promise<number> {
    const since = comparisonMark - overlapMs;
    const found: ComparisonFacts[] = [];
    for (const c of await store.shadowComparisons.list({ since, limit: 1000 })) {
      found.push({
        candidateId: c.exchangeId,
        originalId: c.parentId,
        verdict: c.verdict,
        scoreOverNoise: c.scoreOverNoise,
        explanation: reasonOf(c.report),
        at: c.createdAt,
        source: 'shadow',
      });
    }
    for (const r of await store.replays.resultsCompletedSince(since, maxPerPoll)) {
      if (r.candidateId === null) continue;
      found.push({
        candidateId: r.candidateId,
        originalId: r.exchangeId,
        verdict: r.verdict,
        scoreOverNoise: r.scoreOverNoise,
        explanation: reasonOf(r.report),
        at: r.completedAt,
        source: 'replay',
        runId: r.runId,
      });
    }
    let n = 0;
    for (const c of found) {
      if (c.at < start || seen.has(`c:${c.candidateId}`)) continue;
      spans.comparison(c);
      seen.add(`c:${c.candidateId}`);
      comparisonMark = Math.max(comparisonMark, c.at);
      n++;
    }
    return n;
  }

  async function canaryEvents(): Promise<number> {
    const rows = await store.canaries.eventsSince(canaryMark - overlapMs, maxPerPoll);
    let n = 0;
    for (const r of rows) {
      const key = `e:${r.canaryId}#${r.seq}`;
      if (r.at < start || seen.has(key)) continue;
      spans.canaryEvent({
        canaryId: r.canaryId,
        seq: r.seq,
        at: r.at,
        type: r.type,
        actor: r.actor,
        data: JSON.stringify(r.data),
        hash: r.hash,
      });
      seen.add(key);
      canaryMark = Math.max(canaryMark, r.at);
      n++;
    }
    return n;
  }

  async function tick(): Promise<number> {
    const now = clock.now();
    const n = (await exchanges(now)) + (await comparisons()) + (await canaryEvents());
    records += n;
    return n;
  }

  function schedule(): void {
    timer = clock.setTimeout(() => {
      running = tick()
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'otel export: reading the store failed; retrying');
          return 0;
        })
        .finally(() => {
          running = undefined;
          if (timer !== undefined) schedule();
        });
    }, deps.pollMs);
  }

  return {
    tick,
    start() {
      if (timer === undefined) schedule();
    },
    async stop() {
      const t = timer;
      timer = undefined;
      t?.cancel();
      await running;
      await deps.pipeline.shutdown();
    },
    stats: () => ({ ...deps.pipeline.stats(), records }),
  };
}
