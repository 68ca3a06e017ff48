import type { Clock, Exchange, TimerHandle } from '@understudy/core';
import type { ReplayResultRecord, Store } from '@understudy/store';

/** Bounds of the writer: how much waits in memory before workers are held back. */
export interface ResultWriterOptions {
  /** Items per transaction. Default 64. */
  readonly batchSize: number;
  /** A partial batch is committed after this long. Default 50 ms. */
  readonly flushMs: number;
  /** Items buffered before `add` waits for the store (backpressure, never growth). Default 1 024. */
  readonly maxPending: number;
}

const defaults: ResultWriterOptions = { batchSize: 64, flushMs: 50, maxPending: 1024 };

/**
 * Commits finished items in small transactions (a result and the exchanges it produced
 * together), so a crash loses at most the last batch, which a resume re-sends. One commit
 * runs at a time; when the store falls behind, `add` waits instead of buffering without end.
 */
export class ResultWriter {
  readonly #store: Store;
  readonly #runId: string;
  readonly #clock: Clock;
  readonly #options: ResultWriterOptions;
  readonly #onCommit: (fresh: number, batch: readonly ReplayResultRecord[]) => void;
  #results: ReplayResultRecord[] = [];
  #exchanges: Exchange[] = [];
  #flushing: Promise<void> = Promise.resolve();
  #timer: TimerHandle | undefined;
  #failure: unknown;
  /** Items handed to a commit that has not finished yet: they are still held in memory. */
  #committing = 0;

  constructor(
    store: Store,
    runId: string,
    clock: Clock,
    onCommit: (fresh: number, batch: readonly ReplayResultRecord[]) => void,
    options: Partial<ResultWriterOptions> = {},
  ) {
    this.#store = store;
    this.#runId = runId;
    this.#clock = clock;
    this.#onCommit = onCommit;
    this.#options = { ...defaults, ...options };
  }

  async add(result: ReplayResultRecord, exchanges: readonly Exchange[]): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    this.#results.push(result);
    this.#exchanges.push(...exchanges);
    if (this.#results.length >= this.#options.batchSize) this.#flush();
    else this.#timer ??= this.#clock.setTimeout(() => this.#flush(), this.#options.flushMs);
    // A full batch leaves #results for the commit chain, so the bound counts both: past it,
    // wait for every queued commit rather than letting the chain grow with a slow store.
    if (this.#results.length + this.#committing >= this.#options.maxPending) await this.#flushing;
  }

  /** Commits whatever is buffered and waits for it; rethrows a failed commit. */
  async close(): Promise<void> {
    this.#flush();
    await this.#flushing;
    if (this.#failure !== undefined) throw this.#failure;
  }

  #flush(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    if (this.#results.length === 0) return;
    const results = this.#results;
    const exchanges = this.#exchanges;
    this.#results = [];
    this.#exchanges = [];
    this.#committing += results.length;
    this.#flushing = this.#flushing.then(async () => {
      try {
        if (this.#failure !== undefined) return;
        const fresh = await this.#store.replays.commitResults(this.#runId, results, exchanges, this.#clock.now());
        this.#onCommit(fresh, results);
      } catch (error) {
        this.#failure = error;
      } finally {
        this.#committing -= results.length;
      }
    });
  }
}
