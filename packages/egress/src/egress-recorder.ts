import type { Clock, Logger, TimerHandle } from '@understudy/core';
import type { ToolCallRecord, ToolCallRepository } from '@understudy/store';
import type { EgressMetrics } from './egress-metrics.js';

export interface EgressRecorderOptions {
  readonly toolCalls: Pick<ToolCallRepository, 'insertMany'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: EgressMetrics;
  /** Recordings waiting; past it they are dropped (counted). */
  readonly queueSize: number;
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
}

/**
 * Writes tool-call recordings to the store. Live recordings are queued and written in batches
 * after the agent has its answer (bounded, fail-open: a slow store never slows a tool call);
 * shadow recordings are written before the answer (`writeNow`), so a comparison that runs as
 * soon as the candidate responds already sees every call it made.
 */
export class EgressRecorder {
  readonly #options: EgressRecorderOptions;
  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  #queue: ToolCallRecord[] = [];
  #timer: TimerHandle | undefined;
  #writing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: EgressRecorderOptions) {
    this.#options = options;
    this.#batchSize = options.batchSize ?? 200;
    this.#flushIntervalMs = options.flushIntervalMs ?? 50;
  }

  get depth(): number {
    return this.#queue.length;
  }

  /** Queues a live recording; never throws, never waits. */
  offer(record: ToolCallRecord): void {
    if (this.#closed) {
      this.#options.metrics.dropped(1, 'closed');
      return;
    }
    if (this.#queue.length >= this.#options.queueSize) {
      this.#options.metrics.dropped(1, 'queue_full');
      return;
    }
    this.#queue.push(record);
    if (this.#queue.length >= this.#batchSize) void this.flush();
    else this.#timer ??= this.#options.clock.setTimeout(() => void this.flush(), this.#flushIntervalMs);
  }

  /** Writes a recording now; a store failure is logged and counted, never thrown. */
  async writeNow(record: ToolCallRecord): Promise<void> {
    try {
      await this.#options.toolCalls.insertMany([record]);
    } catch (error) {
      this.#options.metrics.dropped(1, 'store_error');
      this.#options.logger.error({ err: error, destination: record.destination }, 'tool-call recording failed');
    }
  }

  /** Writes everything queued so far. */
  flush(): Promise<void> {
    this.#timer?.cancel();
    this.#timer = undefined;
    // One write at a time, in order: a batch never overtakes the one before it.
    this.#writing = this.#writing.then(async () => {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#batchSize);
        try {
          await this.#options.toolCalls.insertMany(batch);
        } catch (error) {
          this.#options.metrics.dropped(batch.length, 'store_error');
          this.#options.logger.error({ err: error, rows: batch.length }, 'tool-call recordings dropped: the store refused them');
        }
      }
    });
    return this.#writing;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }
}
