import { StringDecoder } from 'node:string_decoder';
import type { SseEvent } from '@understudy/core';
import { SseParser } from '@understudy/core';
import { BodyCapture } from './body-capture.js';
import { type CaptureBudget, unboundedBudget } from './capture-budget.js';
import { type ReportedUsage, StreamUsage } from './usage-extractor.js';

/** Events kept per exchange at most, however small. */
const maxSseEvents = 10_000;

/**
 * Reads an uncompressed `text/event-stream` reply as its chunks arrive: the events with their
 * arrival times, and the usage they report. It keeps no event while the stream is open, only
 * each kept event's arrival time (8 bytes): the events are the held body's own bytes, parsed
 * again once when {@link SseCapture.events} is first read, so an open stream holds its body once,
 * not its body and a copy of every event. The events kept are therefore bounded exactly like the
 * body (the per-exchange cap and the shared in-flight budget): an event is kept when all of it
 * is in the held body; the rest are counted in {@link SseCapture.dropped}, while usage is still
 * read from every event. The live capture and the shadow mirror both use it.
 */
export class SseCapture {
  readonly #usage = new StreamUsage();
  readonly #decoder = new StringDecoder('utf8');
  readonly #parser: SseParser;
  readonly #capBytes: number;
  /** The reply's body capture: shared with the caller, who pushes each chunk to it first, or our own. */
  readonly #body: BodyCapture;
  readonly #ownBody: boolean;
  /** Arrival time of each kept event, in order. */
  #ats: number[] = [];
  #seen = 0;
  #dropped = 0;
  #events: SseEvent[] | undefined;

  /**
   * `body`, when given, is the capture of this reply's body that the caller pushes every chunk to
   * before this one; without it the events' bytes are held here (same cap and budget).
   */
  constructor(capBytes: number, budget: Pick<CaptureBudget, 'take' | 'release'> = unboundedBudget, body?: BodyCapture) {
    this.#capBytes = capBytes;
    this.#ownBody = body === undefined;
    this.#body = body ?? new BodyCapture(capBytes, budget);
    this.#parser = new SseParser((event) => {
      this.#usage.event(event.data);
      // Once one event is left out, so are the rest: what is kept is always a prefix of the stream.
      // An event ends in the chunk being read: it is whole in the body when all of that chunk is.
      if (this.#dropped > 0 || this.#ats.length >= maxSseEvents || this.#body.held < this.#seen) {
        this.#dropped++;
        return;
      }
      this.#ats.push(event.at);
    }, capBytes);
  }

  /** Feeds a chunk that arrived `at` ms after the request started. */
  push(chunk: Buffer, at: number): void {
    if (this.#ownBody) this.#body.push(chunk);
    this.#seen += chunk.length;
    this.#parser.push(this.#decoder.write(chunk), at);
  }

  /** Ends the stream (an event without its closing blank line is dropped, as WHATWG says). */
  end(): void {
    this.#parser.end();
  }

  /** The kept events, parsed from the held body once, each with its arrival time. */
  get events(): readonly SseEvent[] {
    if (this.#events !== undefined) return this.#events;
    const events: SseEvent[] = [];
    const ats = this.#ats;
    if (ats.length > 0) {
      const { bytes } = this.#body.body();
      const parser = new SseParser((event) => {
        const at = ats[events.length];
        if (at !== undefined) events.push({ ...event, at });
      }, this.#capBytes);
      parser.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), 0);
    }
    this.#events = events;
    this.#ats = [];
    return events;
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
    return this.#body.cutByBudget;
  }

  /** Returns what this capture holds to the shared budget; call once, when the exchange has been built. */
  release(): void {
    if (this.#ownBody) this.#body.release();
  }
}
