import type { Logger } from '@understudy/core';
import type { Store, ToolCallRecord } from '@understudy/store';
import { BoundedMap } from './bounded-map.js';
import { EgressCursor } from './egress-cursor.js';

/** A runaway agent cannot grow one exchange's remembered recording without bound. */
const maxCallsPerExchange = 1000;

/**
 * What the egress proxy remembers of recent exchanges, each map bounded to `size` entries: the
 * live calls just recorded (a shadow that follows at once finds them before the store has them),
 * the cursor each shadow attempt reads its exchange's recording through, and the sequence
 * number of each exchange's or attempt's next call.
 */
export class RecentRecordings {
  readonly #toolCalls: Store['toolCalls'];
  readonly #logger: Logger;
  readonly #recent: BoundedMap<string, ToolCallRecord[]>;
  readonly #cursors: BoundedMap<string, Promise<EgressCursor>>;
  readonly #counters: BoundedMap<string, number>;

  constructor(toolCalls: Store['toolCalls'], logger: Logger, size: number) {
    this.#toolCalls = toolCalls;
    this.#logger = logger;
    this.#recent = new BoundedMap(size);
    this.#cursors = new BoundedMap(size);
    this.#counters = new BoundedMap(size * 2);
  }

  /** The next sequence number under `key` (0, 1, …). */
  nextSeq(key: string): number {
    const n = this.#counters.get(key) ?? 0;
    this.#counters.set(key, n + 1);
    return n;
  }

  /** Remembers a live call of `exchangeId` once recorded. */
  remember(exchangeId: string, record: ToolCallRecord): void {
    const known = this.#recent.get(exchangeId) ?? [];
    if (known.length < maxCallsPerExchange) known.push(record);
    this.#recent.set(exchangeId, known);
  }

  /** The cursor shadow attempt `attempt` reads `exchangeId`'s recording through, made on first use. */
  cursor(attempt: string, exchangeId: string): Promise<EgressCursor> {
    let cursor = this.#cursors.get(attempt);
    if (cursor === undefined) {
      const known = this.#recent.get(exchangeId);
      cursor =
        known !== undefined
          ? Promise.resolve(new EgressCursor([...known]))
          : this.#toolCalls.recorded(exchangeId).then(
              (recorded) => new EgressCursor(recorded),
              (error: unknown) => {
                // Failing safe: with no recording every write is refused.
                this.#logger.error({ err: error, exchangeId }, 'could not read the recording; shadow writes will be refused');
                return new EgressCursor([]);
              },
            );
      this.#cursors.set(attempt, cursor);
    }
    return cursor;
  }
}
