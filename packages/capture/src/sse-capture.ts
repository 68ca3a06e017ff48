import { StringDecoder } from 'node:string_decoder';
import type { SseEvent } from '@understudy/core';
import { SseParser } from '@understudy/core';
import { type CaptureBudget, unboundedBudget } from './capture-budget.js';
import { type ReportedUsage, StreamUsage } from './usage-extractor.js';

/** Events kept per exchange at most, however small. */
const maxSseEvents = 10_000;
/** What an event costs on the wire besides its fields (`data: `, line ends), counted against the cap. */
const eventFraming = 8;

/**
 * Reads an uncompressed `text/event-stream` reply as its chunks arrive: the events with their
 * arrival times, and the usage they report. The events kept are bounded by the same per-exchange
 * cap as bodies (`capBytes` of event data and names in all) and by the shared in-flight budget;
 * events past either are counted in {@link SseCapture.dropped}, not stored, while usage is still
 * read from every event. The live capture and the shadow mirror both use it.
 */
export class SseCapture {
  readonly events: SseEvent[] = [];
  readonly #usage = new StreamUsage();
  readonly #decoder = new StringDecoder('utf8');
  readonly #parser: SseParser;
  readonly #budget: Pick<CaptureBudget, 'take' | 'release'>;
  #kept = 0;
  #dropped = 0;
  #refused = false;

  constructor(capBytes: number, budget: Pick<CaptureBudget, 'take' | 'release'> = unboundedBudget) {
    this.#budget = budget;
    this.#parser = new SseParser((event) => {
      this.#usage.event(event.data);
      const bytes = eventFraming + event.data.length + (event.event?.length ?? 0) + (event.id?.length ?? 0);
      // Once one event is left out, so are the rest: what is kept is always a prefix of the stream.
      if (this.#dropped > 0 || this.events.length >= maxSseEvents || this.#kept + bytes > capBytes || !this.#reserve(bytes)) {
        this.#dropped++;
        return;
      }
      this.#kept += bytes;
      this.events.push(event);
    }, capBytes);
  }

  #reserve(bytes: number): boolean {
    const granted = this.#budget.take(bytes);
    if (granted === bytes) return true;
    this.#budget.release(granted);
    this.#refused = true;
    return false;
  }

  /** Feeds a chunk that arrived `at` ms after the request started. */
  push(chunk: Buffer, at: number): void {
    this.#parser.push(this.#decoder.write(chunk), at);
  }

  /** Ends the stream (an event without its closing blank line is dropped, as WHATWG says). */
  end(): void {
    this.#parser.end();
  }

  usage(): ReportedUsage | undefined {
    return this.#usage.result();
  }

  /** Events seen but not kept (past the cap or the budget). */
  get dropped(): number {
    return this.#dropped;
  }

  /** True when the shared budget, not the cap, stopped keeping events. */
  get cutByBudget(): boolean {
    return this.#refused;
  }

  /** Returns the kept events' bytes to the shared budget; call once, when the exchange has been built. */
  release(): void {
    this.#budget.release(this.#kept);
  }
}
