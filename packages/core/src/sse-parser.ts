import type { SseEvent } from './exchange.js';

/**
 * An incremental `text/event-stream` parser (WHATWG HTML §9.2.6): fed decoded text as it
 * arrives, it yields each event when its blank line arrives. `data` lines are joined with
 * "\n"; comments and `retry` are ignored. Held text and kept events are bounded.
 */
export class SseParser {
  readonly #maxEventBytes: number;
  readonly #onEvent: (event: SseEvent) => void;
  #rest = '';
  #data: string[] = [];
  #dataBytes = 0;
  #event: string | undefined;
  #id: string | undefined;
  #at = 0;
  #started = false;
  #skippedBom = false;

  /** `onEvent` gets every complete event; an event whose data exceeds `maxEventBytes` is cut to it. */
  constructor(onEvent: (event: SseEvent) => void, maxEventBytes: number) {
    this.#onEvent = onEvent;
    this.#maxEventBytes = maxEventBytes;
  }

  /** Feeds text that arrived `at` ms after the request started. */
  push(text: string, at: number): void {
    let input = this.#rest + text;
    if (!this.#skippedBom && input.length > 0) {
      this.#skippedBom = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    let start = 0;
    // Where the next LF and CR are (searched natively, each again only once passed): most streams
    // have no CR at all, so a line end costs one `indexOf`, not a call per character.
    let lf = -2;
    let cr = -2;
    for (;;) {
      if (lf !== -1 && lf < start) lf = input.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = input.indexOf('\r', start);
      const nl = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (nl === -1) break;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (input.charCodeAt(nl) === 13 && nl + 1 === input.length) break;
      const line = input.slice(start, nl);
      start = nl + (input.charCodeAt(nl) === 13 && input.charCodeAt(nl + 1) === 10 ? 2 : 1);
      this.#line(line, at);
    }
    this.#rest = input.slice(start);
    // A line with no end in sight is cut rather than held without bound.
    if (this.#rest.length > this.#maxEventBytes) this.#rest = this.#rest.slice(0, this.#maxEventBytes);
  }

  /** Ends the stream: per the spec, an event without its closing blank line is discarded. */
  end(): void {
    this.#rest = '';
    this.#reset();
  }

  #line(line: string, at: number): void {
    if (line === '') {
      if (this.#started) this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' comment
    if (!this.#started) {
      this.#started = true;
      this.#at = at;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') {
      if (this.#dataBytes < this.#maxEventBytes) {
        const kept = value.slice(0, this.#maxEventBytes - this.#dataBytes);
        this.#data.push(kept);
        this.#dataBytes += kept.length + 1;
      }
    } else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }

  #dispatch(): void {
    // An event is only dispatched when it carried data; id/event alone are state, not events.
    if (this.#data.length > 0) {
      const event: { at: number; data: string; event?: string; id?: string } = { at: this.#at, data: this.#data.join('\n') };
      if (this.#event !== undefined) event.event = this.#event;
      if (this.#id !== undefined) event.id = this.#id;
      this.#onEvent(event);
    }
    this.#reset();
  }

  #reset(): void {
    this.#data = [];
    this.#dataBytes = 0;
    this.#event = undefined;
    // The spec keeps the last id as stream state; a capture records each field as it was sent.
    this.#id = undefined;
    this.#started = false;
  }
}
