import { StringDecoder } from 'node:string_decoder';
import type { SseEvent } from '@understudy/core';
import { SseParser } from '@understudy/core';
import { type ReportedUsage, StreamUsage } from './usage-extractor.js';

/** Events kept per exchange; a stream with more keeps counting usage but stores no more events. */
const maxSseEvents = 10_000;

/**
 * Reads an uncompressed `text/event-stream` reply as its chunks arrive: the events (at most
 * 10 000, each cut to `maxEventBytes`) with their arrival times, and the usage they report.
 * The live capture and the shadow mirror both use it, so a shadow is recorded like a capture.
 */
export class SseCapture {
  readonly events: SseEvent[] = [];
  readonly #usage = new StreamUsage();
  readonly #decoder = new StringDecoder('utf8');
  readonly #parser: SseParser;

  constructor(maxEventBytes: number) {
    this.#parser = new SseParser((event) => {
      this.#usage.event(event.data);
      if (this.events.length < maxSseEvents) this.events.push(event);
    }, maxEventBytes);
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
}
