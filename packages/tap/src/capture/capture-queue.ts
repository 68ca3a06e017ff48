import type { CaptureBudget } from '@understudy/capture';
import type { Clock, Logger, TimerHandle } from '@understudy/core';
import type { WriterItem } from '@understudy/store';
import type { CaptureSink } from './capture-sink.js';
import type { CaptureTally } from './capture-tally.js';

export interface CaptureQueueOptions {
  readonly sink: CaptureSink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Most exchanges held; past it new captures are dropped. */
  readonly queueSize: number;
  /** Most bytes (estimated) held outside the in-flight budget; past it new captures are dropped. */
  readonly queueMaxBytes: number;
  /**
   * The tap's in-flight capture budget: bytes an `offer` says are reserved in it are bounded there,
   * not by `queueMaxBytes`, and given back to it once the sink has taken (or refused) them.
   */
  readonly budget?: Pick<CaptureBudget, 'release'>;
  /** Rows per sink write. */
  readonly batchSize: number;
  /**
   * Estimated bytes per sink write (default {@link defaultBatchMaxBytes}); an exchange bigger than
   * this alone is written alone. A writer thread or process gets each batch as one structured
   * clone, held on both sides until it is stored: 500 long streams' exchanges are hundreds of MB.
   */
  readonly batchMaxBytes?: number;
  readonly flushIntervalMs: number;
  /** How long `close()` waits for the sink to settle a batch before dropping what is left (default 5 s). */
  readonly closeTimeoutMs?: number;
  /**
   * How long `close()` waits in all while the sink still settles batches (default
   * {@link defaultCloseMaxMs}, never less than `closeTimeoutMs`).
   */
  readonly closeMaxMs?: number;
  /**
   * The durable count of accepted captures (and of those the store then refused), so that a
   * restart can tell how many a kill took; see {@link CaptureTally}.
   */
  readonly tally?: Pick<CaptureTally, 'accepted' | 'refused'>;
  /** Observers for metrics. */
  readonly onWritten?: (rows: number) => void;
  readonly onDropped?: (rows: number, reason: DropReason) => void;
  readonly onStoreError?: () => void;
  /**
   * Called with each batch once the sink's write of it has settled (stored or refused), and with the
   * items still queued when close gives up on them: the queue holds none of them any more (the
   * recorder then reuses the memory their packed parts sit in, see `releasePacked`).
   */
  readonly onSettled?: (items: readonly WriterItem[]) => void;
}

/** Why captures were dropped: queue full, the store refused the batch, the queue closed, or the writer could not build them. */
export type DropReason = 'queue_full' | 'store_error' | 'closed' | 'capture_error';

export interface CaptureQueueStats {
  queueDepth: number;
  captured: number;
  dropped: number;
  storeErrors: number;
  /** False from a refused batch until a batch is written again. */
  healthy: boolean;
  /** Why the last refused batch was refused, while unhealthy. */
  lastError: string | null;
}

/**
 * Bytes of exchanges handed to the sink in one write, unless one exchange alone is bigger. A
 * writer thread or process gets each write as one structured clone made on the proxy's thread
 * while every stream waits: an 8 MiB batch of long streams' exchanges held it 36-48 ms at once
 * (bench:streams, 1 000 x 40 KB), a 1 MiB one 12-14 ms at most, the same bytes in all.
 */
export const defaultBatchMaxBytes = 1024 * 1024;

/**
 * How long close waits in all for a sink that is behind but still storing. A writer at a low
 * priority under load stores a backlog of long streams at a few hundred a second: bench:streams
 * at load 11-13 dropped 179 and 230 of 1 000 captures at a fixed 5 s close while its writer
 * process was still storing batch after batch. Under the usual 30 s grace of a stop signal.
 */
export const defaultCloseMaxMs = 20_000;

/**
 * The bounded, fail-open queue between the forwarding path and the store. `offer` never
 * waits: a full queue drops the capture and counts it. Batches go to the sink one write at a
 * time, on an interval or as soon as a batch is full; a rejected write drops its batch.
 */
export class CaptureQueue {
  readonly #o: CaptureQueueOptions;
  #items: WriterItem[] = [];
  #sizes: number[] = [];
  /** Per item, the bytes of it reserved in the in-flight budget. */
  #reserved: number[] = [];
  #bytes = 0;
  /** Of `#bytes`, those not reserved in the budget: what `queueMaxBytes` bounds. */
  #unreserved = 0;
  #writing: Promise<void> | undefined;
  #timer: TimerHandle | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Batches the sink has settled (stored or refused): close waits as long as this moves. */
  #settled = 0;
  readonly #stats: CaptureQueueStats = { queueDepth: 0, captured: 0, dropped: 0, storeErrors: 0, healthy: true, lastError: null };

  constructor(options: CaptureQueueOptions) {
    this.#o = options;
    this.#timer = options.clock.setInterval(() => void this.#drain(), options.flushIntervalMs);
  }

  /**
   * Queues one exchange (built, or for the sink's writer to build) of about `bytes` bytes; false
   * (and counted) when it was dropped. `reserved` of those bytes are already held in the in-flight
   * budget (a finished stream's raw parts): the queue keeps them there until the sink has them,
   * so they count against the budget, not `queueMaxBytes` — a burst of long streams ending while
   * the writer builds is bounded once, by the budget, instead of dropped by the queue's own bound.
   */
  offer(exchange: WriterItem, bytes: number, reserved = 0): boolean {
    const unreserved = Math.max(0, bytes - reserved);
    if (this.#closed || this.#items.length >= this.#o.queueSize || this.#unreserved + unreserved > this.#o.queueMaxBytes) {
      this.#o.budget?.release(reserved);
      return this.#drop(1, this.#closed ? 'closed' : 'queue_full');
    }
    this.#items.push(exchange);
    this.#sizes.push(bytes);
    this.#reserved.push(reserved);
    this.#bytes += bytes;
    this.#unreserved += unreserved;
    this.#o.tally?.accepted();
    if (this.#items.length >= this.#o.batchSize || this.#bytes >= (this.#o.batchMaxBytes ?? defaultBatchMaxBytes)) void this.#drain();
    return true;
  }

  stats(): CaptureQueueStats {
    return { ...this.#stats, queueDepth: this.#items.length };
  }

  /** Writes everything queued so far; resolves when the sink has taken (or refused) it. */
  async flush(): Promise<void> {
    // Each pass either empties the queue or waits on an in-flight write: bounded by what is queued now.
    for (let pass = 0; pass < 1 + Math.ceil(this.#items.length / this.#o.batchSize) + 1; pass++) {
      if (this.#items.length === 0 && this.#writing === undefined) return;
      await this.#drain();
    }
  }

  /**
   * Stops taking captures, flushes what is queued, then closes the sink. Idempotent. It waits as
   * long as the sink settles a batch at least every `closeTimeoutMs`, up to `closeMaxMs` in all: a
   * writer that is behind but moving loses nothing. A sink that settles none for `closeTimeoutMs`
   * (or is still busy at `closeMaxMs`) cannot hold shutdown hostage: what is still queued is
   * dropped (counted), the sink is closed anyway (waited on for at most another `closeTimeoutMs`)
   * and close resolves.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    this.#timer?.cancel();
    this.#timer = undefined;
    const limitMs = this.#o.closeTimeoutMs ?? 5_000;
    const maxMs = Math.max(limitMs, this.#o.closeMaxMs ?? defaultCloseMaxMs);
    if ((await this.#whileSettling(this.flush(), limitMs, maxMs)) === 'timeout') {
      const left = this.#items.length;
      this.#o.budget?.release(sum(this.#reserved));
      if (left > 0) this.#o.onSettled?.(this.#items);
      this.#items = [];
      this.#sizes = [];
      this.#reserved = [];
      this.#bytes = 0;
      this.#unreserved = 0;
      if (left > 0) {
        this.#drop(left, 'closed');
        this.#o.tally?.refused(left);
      }
      this.#o.logger.warn({ dropped: left }, 'capture sink did not finish in time; queued captures dropped');
    }
    // Closed in every case, a stuck write included: the sink may own a writer thread that only
    // its close terminates. Its own bound, so a sink that hangs here cannot hold shutdown either.
    const sinkClosed = this.#o.sink.close?.().catch((error: unknown) => this.#o.logger.warn({ err: error }, 'capture sink close failed'));
    if (sinkClosed !== undefined && (await this.#whileSettling(sinkClosed, limitMs, limitMs)) === 'timeout') {
      this.#o.logger.warn({ timeoutMs: limitMs }, 'capture sink did not close in time');
    }
  }

  /** Waits for `work` while the sink settles a batch at least every `idleMs`, at most `maxMs` in all (injected clock). */
  async #whileSettling(work: Promise<void>, idleMs: number, maxMs: number): Promise<'done' | 'timeout'> {
    const { clock } = this.#o;
    const started = clock.monotonic();
    let timer: TimerHandle | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      let seen = this.#settled;
      const check = (): void => {
        const waited = clock.monotonic() - started;
        if (this.#settled === seen || waited >= maxMs) resolve('timeout');
        else {
          seen = this.#settled;
          timer = clock.setTimeout(check, Math.min(idleMs, maxMs - waited));
        }
      };
      timer = clock.setTimeout(check, Math.min(idleMs, maxMs));
    });
    const outcome = await Promise.race([work.then(() => 'done' as const), timedOut]);
    timer?.cancel();
    return outcome;
  }

  #drop(rows: number, reason: DropReason): false {
    this.#stats.dropped += rows;
    this.#o.onDropped?.(rows, reason);
    return false;
  }

  #drain(): Promise<void> {
    if (this.#writing !== undefined) return this.#writing;
    if (this.#items.length === 0) return Promise.resolve();
    this.#writing = this.#writeAll().finally(() => {
      this.#writing = undefined;
    });
    return this.#writing;
  }

  /**
   * Writes what was queued when the drain began, batch by batch. What arrives meanwhile waits for
   * the next interval unless it fills a batch: written at once as well, the writes became a chain
   * of small batches, each as long as the one before took (a few rows at 3 000 req/s), and a
   * SQLite commit costs per batch — the pages it touches go to the WAL again at every commit.
   */
  async #writeAll(): Promise<void> {
    const maxBytes = this.#o.batchMaxBytes ?? defaultBatchMaxBytes;
    let due = this.#items.length;
    while (this.#items.length > 0 && (due > 0 || this.#items.length >= this.#o.batchSize || this.#bytes >= maxBytes)) {
      let n = 0;
      let bytes = 0;
      while (n < this.#o.batchSize && n < this.#items.length) {
        const size = this.#sizes[n] as number;
        if (n > 0 && bytes + size > maxBytes) break;
        bytes += size;
        n++;
      }
      due -= n;
      const batch = this.#items.splice(0, n);
      const sizes = this.#sizes.splice(0, n);
      const reservations = this.#reserved.splice(0, n);
      let reserved = 0;
      for (let i = 0; i < n; i++) {
        const r = reservations[i] as number;
        reserved += r;
        this.#unreserved -= Math.max(0, (sizes[i] as number) - r);
      }
      this.#bytes -= bytes;
      try {
        const outcome = await this.#o.sink.write(batch);
        const failed = outcome?.buildFailures ?? 0;
        this.#stats.captured += batch.length - failed;
        this.#stats.healthy = true;
        this.#stats.lastError = null;
        this.#o.onWritten?.(batch.length - failed);
        if (failed > 0) {
          // A capture must never break the proxy: counted as dropped, as a build on the proxy's thread would be.
          this.#drop(failed, 'capture_error');
          this.#o.tally?.refused(failed);
          this.#o.logger.error({ rows: failed, failure: outcome?.buildFailure }, 'capture failed in the writer; exchanges dropped');
        }
      } catch (error) {
        this.#stats.storeErrors += 1;
        this.#stats.healthy = false;
        this.#stats.lastError = error instanceof Error ? error.message : String(error);
        this.#o.onStoreError?.();
        this.#drop(batch.length, 'store_error');
        this.#o.tally?.refused(batch.length);
        this.#o.logger.warn({ err: error, rows: batch.length }, 'capture batch dropped: the sink refused it');
      } finally {
        // Held until the sink is done: a writer holds its copy of the batch until it has stored it.
        this.#settled++;
        this.#o.budget?.release(reserved);
        this.#o.onSettled?.(batch);
      }
    }
  }
}

function sum(values: readonly number[]): number {
  let n = 0;
  for (const v of values) n += v;
  return n;
}
