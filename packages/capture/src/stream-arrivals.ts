import { UnderstudyError } from '@understudy/core';

/** Chunks (or kept events) a table makes room for at first; each growth doubles it. */
const firstRoom = 32;

/**
 * A stream's arrival times, for {@link SseCapture}: where each of its chunks ends and when it
 * arrived, and the arrival time of each kept event. Both are doubles in typed arrays that grow by
 * doubling, not JS arrays: a JS array of 200 doubles pushed one by one is copied five times on
 * the way (each copy on the proxy's heap, and those made while a stream is open outlive the young
 * generation), and a double handed from one method to another is a heap object of its own.
 * Nothing here allocates per chunk or per event; an event's time is copied from the chunk table
 * into the event list without leaving the typed arrays.
 */
export class StreamArrivals {
  /** Per chunk: where it ends in the stream, then when it arrived. */
  #chunks: Float64Array = new Float64Array(2 * firstRoom);
  #chunkCount = 0;
  /** The chunk the last look-up found (events are read in order). */
  #chunkAt = 0;
  #events: Float64Array | undefined;
  #eventCount = 0;

  /** Chunks remembered. */
  get chunks(): number {
    return this.#chunkCount;
  }

  /** Kept events. */
  get events(): number {
    return this.#eventCount;
  }

  /** A chunk that ends at stream offset `end` arrived `at`. */
  chunk(end: number, at: number): void {
    if (2 * this.#chunkCount === this.#chunks.length) this.#chunks = grown(this.#chunks);
    this.#chunks[2 * this.#chunkCount] = end;
    this.#chunks[2 * this.#chunkCount + 1] = at;
    this.#chunkCount++;
  }

  /** The chunks remembered, in order: where each ends, then when it arrived (a view, valid until the next chunk). */
  chunkTable(): Float64Array {
    return this.#chunks.subarray(0, 2 * this.#chunkCount);
  }

  /** Remembers the chunks of a `table` as {@link chunkTable} gives it; returns where the last ends (0: none). */
  load(table: ArrayLike<number>): number {
    let end = 0;
    for (let i = 0; i + 1 < table.length; i += 2) {
      const next = table[i] as number;
      if (!(next > end)) throw new UnderstudyError('internal', 'a stream chunk table out of order');
      end = next;
      this.chunk(end, table[i + 1] as number);
    }
    return end;
  }

  /** Forgets the chunks that end at or before `offset`, the last one excepted. */
  forgetChunksTo(offset: number): void {
    let first = 0;
    while (first < this.#chunkCount - 1 && (this.#chunks[2 * first] as number) <= offset) first++;
    if (first > 0) this.#chunks.copyWithin(0, 2 * first, 2 * this.#chunkCount);
    this.#chunkCount -= first;
    this.#chunkAt = 0;
  }

  /** Forgets every chunk. */
  forgetChunks(): void {
    this.#chunkCount = 0;
    this.#chunkAt = 0;
    if (this.#chunks.length > 2 * firstRoom) this.#chunks = new Float64Array(2 * firstRoom);
  }

  /**
   * Keeps an event that arrived with the chunk holding stream byte `offset` (looked up from the
   * last one found on: call in stream order). The first event sizes the list for one event a chunk.
   */
  keepAtChunkOf(offset: number): void {
    while (this.#chunkAt < this.#chunkCount - 1 && (this.#chunks[2 * this.#chunkAt] as number) <= offset) this.#chunkAt++;
    const events = this.#room(this.#chunkCount);
    events[this.#eventCount++] = this.#chunks[2 * this.#chunkAt + 1] as number;
  }

  /** Keeps an event that arrived `at`. */
  keep(at: number): void {
    const events = this.#room(0);
    events[this.#eventCount++] = at;
  }

  /** The kept events' arrival times, in order: a view, valid until the next event is kept. */
  list(): Float64Array {
    return (this.#events ?? new Float64Array(0)).subarray(0, this.#eventCount);
  }

  /** Forgets the kept events. */
  forgetEvents(): void {
    this.#events = undefined;
    this.#eventCount = 0;
  }

  /** The event list with room for one more (`guess` events at first, when larger than the default). */
  #room(guess: number): Float64Array {
    let events = this.#events;
    if (events === undefined) events = this.#events = new Float64Array(Math.max(firstRoom, guess));
    else if (this.#eventCount === events.length) events = this.#events = grown(events);
    return events;
  }
}

/** A full `table`'s values in a table twice its size. */
function grown(table: Float64Array): Float64Array {
  const next = new Float64Array(2 * table.length);
  next.set(table);
  return next;
}
