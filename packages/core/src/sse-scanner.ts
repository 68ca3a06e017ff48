const lf = 10;
const cr = 13;
const colon = 58;
/** `data` in ASCII. */
const dataField = [100, 97, 116, 97] as const;
/** UTF-8 byte order mark, skipped at the start of a stream as the parser skips U+FEFF. */
const bom = [0xef, 0xbb, 0xbf] as const;

/**
 * Finds where each event of a `text/event-stream` ends on its raw bytes, without decoding them:
 * the same events {@link SseParser} dispatches (a blank line ends an event that carried a `data`
 * field; CRLF, LF or CR end a line; a CR at the end of the bytes so far waits for the next), with
 * the same arrival time (that of the bytes that ended the event's first field line). A long stream
 * is read at the speed of `indexOf` instead of being decoded and split into strings; the caller
 * parses the few events it needs from their bytes.
 */
export class SseScanner {
  readonly #onBlank: (end: number, settled: number, event: boolean, atSettled: number) => void;
  /** Bytes of the stream before the current chunk. */
  #offset = 0;
  /** The current line's first bytes (enough to tell `data` and a comment), how many of them, and its length so far. */
  readonly #head = new Uint8Array(5);
  #headLength = 0;
  #lineLength = 0;
  #started = false;
  #hasData = false;
  #at = 0;
  /** Where the bytes that gave the event its arrival time settled its first line (see `onBlank`). */
  #atSettled = 0;
  /** A CR ended the last chunk: it may be the first half of a CRLF. */
  #pendingCr = false;
  /** BOM bytes matched at the start of the stream, or -1 once decided. */
  #bomMatched = 0;

  /**
   * `onBlank(end, settled, event, atSettled)` for every blank line, where a parser's state starts
   * afresh; `event` is true when it ends an event the parser dispatches, and {@link SseScanner.at}
   * is then that event's arrival time. `end` is the stream offset just past the blank line,
   * `settled` the offset a parser of the bytes must have seen to act on it (one past `end` when a
   * lone CR ended it: the next byte tells it is not a CRLF). `atSettled` is the `settled` offset of
   * the event's first field line: its arrival time is that of the chunk holding byte `atSettled -
   * 1`, so a caller that pushed several chunks as one (with any `at`) can tell each event's own
   * arrival.
   */
  constructor(onBlank: (end: number, settled: number, event: boolean, atSettled: number) => void) {
    this.#onBlank = onBlank;
  }

  /**
   * Inside `onBlank` for an event: its arrival time (that of the bytes that ended its first field
   * line). Read on demand, not passed: an arrival time is a double, and a double passed to a
   * callback is a new heap object per event (a caller that takes its times from its own chunk
   * table never reads it).
   */
  get at(): number {
    return this.#at;
  }

  /** Feeds the next bytes, which arrived `at`. */
  push(chunk: Uint8Array, at: number): void {
    const n = chunk.length;
    let i = 0;
    if (this.#bomMatched >= 0) i = this.#skipBom(chunk);
    if (this.#pendingCr && i < n) {
      this.#pendingCr = false;
      // `past` is just past the CR that ended the last chunk.
      const past = this.#offset + i;
      if (chunk[i] === lf) {
        i++;
        this.#endLine(past + 1, past + 1, at);
      } else this.#endLine(past, past + 1, at);
    }
    let nextLf = -2;
    let nextCr = -2;
    // Re-entrancy: `onBlank` runs mid-chunk; it must not push.
    while (i < n) {
      // Each terminator is found by a native scan, once.
      if (nextLf !== -1 && nextLf < i) nextLf = chunk.indexOf(lf, i);
      if (nextCr !== -1 && nextCr < i) nextCr = chunk.indexOf(cr, i);
      const p = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (p === -1) {
        this.#addToLine(chunk, i, n);
        break;
      }
      this.#addToLine(chunk, i, p);
      if (chunk[p] === lf) {
        i = p + 1;
        this.#endLine(this.#offset + i, this.#offset + i, at);
      } else if (p + 1 === n) {
        this.#pendingCr = true;
        i = n;
      } else {
        const crlf = chunk[p + 1] === lf;
        i = crlf ? p + 2 : p + 1;
        this.#endLine(this.#offset + i, crlf ? this.#offset + i : this.#offset + i + 1, at);
      }
    }
    this.#offset += n;
  }

  #skipBom(chunk: Uint8Array): number {
    let i = 0;
    while (this.#bomMatched >= 0 && this.#bomMatched < bom.length && i < chunk.length) {
      if (chunk[i] !== bom[this.#bomMatched]) {
        // Not a BOM: the bytes matched so far belong to the first line.
        const matched = bom.slice(0, this.#bomMatched);
        this.#bomMatched = -1;
        this.#addToLine(Uint8Array.from(matched), 0, matched.length);
        return i;
      }
      this.#bomMatched++;
      i++;
    }
    if (this.#bomMatched === bom.length) this.#bomMatched = -1;
    return i;
  }

  #addToLine(chunk: Uint8Array, from: number, to: number): void {
    for (let k = from; k < to && this.#headLength < this.#head.length; k++) this.#head[this.#headLength++] = chunk[k] as number;
    this.#lineLength += to - from;
  }

  #endLine(end: number, settled: number, at: number): void {
    const length = this.#lineLength;
    this.#lineLength = 0;
    this.#headLength = 0;
    if (length === 0) {
      const event = this.#hasData;
      this.#started = false;
      this.#hasData = false;
      this.#onBlank(end, settled, event, this.#atSettled);
      return;
    }
    const head = this.#head;
    if (head[0] === colon) return; // a comment
    if (!this.#started) {
      this.#started = true;
      this.#at = at;
      this.#atSettled = settled;
    }
    if (
      length >= 4 &&
      head[0] === dataField[0] &&
      head[1] === dataField[1] &&
      head[2] === dataField[2] &&
      head[3] === dataField[3] &&
      (length === 4 || head[4] === colon)
    )
      this.#hasData = true;
  }
}
