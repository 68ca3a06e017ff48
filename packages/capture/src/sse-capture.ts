import type { SseEvent } from '@understudy/core';
import { SseParser, SseScanner, UnderstudyError } from '@understudy/core';
import { BodyCapture } from './body-capture.js';
import { type CaptureBudget, unboundedBudget } from './capture-budget.js';
import { markAcross, markWithin } from './mark-search.js';
import { StreamArrivals } from './stream-arrivals.js';
import { type ReportedUsage, StreamUsage } from './usage-extractor.js';

/** Events kept per exchange at most, however small. */
const maxSseEvents = 10_000;
/** Chunks remembered, unscanned, at most (16 bytes each); past it the stream is scanned as it arrives. */
const maxDeferredChunks = 2048;
/**
 * The fewest bytes an event takes (`data` and its blank line: `data\n\n`), so a stream of fewer than
 * `minEventBytes × maxSseEvents` bytes can hold no event past {@link maxSseEvents}.
 */
const minEventBytes = 6;

/** What an event must contain (in its raw bytes) for usage to be read from it: the gate of `StreamUsage.event`, widened. */
const usageMark = Buffer.from('"usage"');
const modelMark = Buffer.from('"model"');
const empty = Buffer.alloc(0);

/**
 * Reads an uncompressed `text/event-stream` reply as its chunks arrive: the events with their
 * arrival times, and the usage they report. While the body capture holds every byte so far, a
 * chunk costs two numbers (where it ends and when it arrived): nothing is scanned on the
 * forwarding path. The held bytes are scanned once, as one piece, when the stream ends (or when the
 * body first stops holding a byte), each event then given the arrival of the chunk that settled
 * its first line (`SseScanner`'s `atSettled`); past that point each chunk is scanned as it
 * arrives ({@link SseScanner}: a native scan of the bytes, nothing decoded), for usage and for the
 * count of events not kept. It keeps no event, only each kept event's arrival time (8 bytes): the
 * events are the held body's own bytes, parsed once when {@link SseCapture.events} is first read,
 * so an open stream holds its body once. The events kept are therefore bounded exactly like the
 * body (the per-exchange cap and the shared in-flight budget): an event is kept when all of it is
 * in the held body; the rest are counted in {@link SseCapture.dropped}. Usage is read from every
 * event, past the cap too, but only an event whose bytes contain `"usage"` (or `"model"`, until a
 * model is known) is decoded and parsed for it; the bytes of the event under way are held for
 * that, up to twice the cap (an event longer than that is not read for usage: its data would be
 * cut at the cap anyway). The live capture and the shadow mirror both use it.
 */
export class SseCapture {
  readonly #usage = new StreamUsage();
  readonly #scanner = new SseScanner((end, settled, event, atSettled) => this.#blank(end, settled, event, atSettled));
  readonly #capBytes: number;
  readonly #maxDeferred: number;
  /** The reply's body capture: shared with the caller, who pushes each chunk to it first, or our own. */
  readonly #body: BodyCapture;
  readonly #ownBody: boolean;
  /**
   * Deferred: every byte so far is held and not yet scanned; the table holds where each chunk ends
   * in the stream and when it arrived (bounded by {@link maxDeferredChunks}). And the arrival time
   * of each kept event, in order.
   */
  readonly #arrivals = new StreamArrivals();
  #seen = 0;
  #dropped = 0;
  #events: SseEvent[] | undefined;
  /** The chunk being scanned and where it starts in the stream. */
  #chunk: Buffer = empty;
  #chunkStart = 0;
  /** Where the event being read starts (the end of the last one), and its bytes before `#chunk` (a copy). */
  #since = 0;
  #carry: Buffer = empty;
  #carried = 0;
  #deferred = true;
  /** How far the bytes were scanned as one piece: an event whose first line settled by then gets its time from the chunk table. */
  #deferredEnd = 0;
  /** The bytes since the last event passed twice the cap: that event is not read for usage. */
  #overflow = false;
  /**
   * Where the next `"usage"` and `"model"` start in `#chunk` (-1: nowhere after the last search; -2:
   * not searched in this chunk yet). Each is searched once per chunk and reused while it lies ahead,
   * so a chunk of many events is scanned once per mark, and an event allocates nothing.
   */
  #nextUsage = -2;
  #nextModel = -2;
  /** True while the held bytes are scanned part by part: `#carry` is kept between events then. */
  #reuseCarry = false;

  /**
   * `body`, when given, is the capture of this reply's body that the caller pushes every chunk to
   * before this one; without it the events' bytes are held here (same cap and budget). Past
   * `maxDeferred` chunks the stream is scanned as it arrives (the chunk table's bound).
   */
  constructor(
    capBytes: number,
    budget: Pick<CaptureBudget, 'take' | 'release'> = unboundedBudget,
    body?: BodyCapture,
    maxDeferred = maxDeferredChunks,
  ) {
    this.#maxDeferred = maxDeferred;
    this.#capBytes = capBytes;
    this.#ownBody = body === undefined;
    this.#body = body ?? new BodyCapture(capBytes, budget);
  }

  /** Feeds a chunk that arrived `at` ms after the request started. */
  push(chunk: Buffer, at: number): void {
    if (this.#ownBody) this.#body.push(chunk);
    if (this.#deferred) {
      const before = this.#seen;
      this.#seen += chunk.length;
      this.#arrivals.chunk(this.#seen, at);
      // Held whole so far: the held bytes are this chunk's too, scanned at the end.
      if (this.#body.held === this.#seen && this.#arrivals.chunks < this.#maxDeferred) return;
      // Not all of it held (the cap or the budget), or too many chunks to remember: what came
      // before is scanned now, as one piece, and this chunk and every later one as they arrive.
      this.#seen = before;
      this.#scanDeferred(before);
    }
    this.#scan(chunk, at);
  }

  /**
   * A stream of which every byte is held and nothing scanned yet, too short to hold an event past
   * the events' bound (so none was left out: {@link SseCapture.dropped} is 0): its chunk table, for
   * whoever builds the exchange to scan it there ({@link SseCapture.ofChunks}) with the same
   * result, instead of this capture on the proxy's thread. Per chunk, where it ends in the stream
   * and when it arrived; a view, valid while this capture is. Undefined once scanned (or ended), or
   * when the stream may have left events out; then read them here.
   */
  chunks(): Float64Array | undefined {
    if (!this.#deferred || this.#seen >= minEventBytes * maxSseEvents) return undefined;
    return this.#arrivals.chunkTable();
  }

  /**
   * The stream {@link SseCapture.chunks} left unscanned, read where its exchange is built: `bytes`
   * are its held body (all of it), `chunks` its chunk table. Its events, arrivals and usage are
   * those the capture that held it would have read.
   */
  static ofChunks(bytes: Uint8Array, chunks: ArrayLike<number>, capBytes: number): SseCapture {
    const held = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const body = new BodyCapture(capBytes);
    // One chunk: held by reference, not copied.
    body.push(held);
    const sse = new SseCapture(capBytes, unboundedBudget, body);
    const end = sse.#arrivals.load(chunks);
    if (end !== held.length || body.held !== end)
      throw new UnderstudyError('internal', 'a stream chunk table that does not end with its body');
    sse.#seen = end;
    return sse;
  }

  /** Ends the stream (an event without its closing blank line is dropped, as WHATWG says). */
  end(): void {
    this.#settle();
    this.#carried = 0;
    this.#carry = empty;
    // Kept past a mid-stream scan for the event under way then; none is under way now.
    this.#arrivals.forgetChunks();
  }

  /** Scans what was deferred, if anything still is (the stream ended, or its results are read). */
  #settle(): void {
    if (this.#deferred) this.#scanDeferred(this.#seen);
  }

  /** Scans the first `upTo` bytes of the stream, all held, as one piece; each event's arrival comes from the chunk table. */
  #scanDeferred(upTo: number): void {
    this.#deferred = false;
    this.#seen = 0;
    if (upTo > 0) {
      this.#deferredEnd = upTo;
      // Part by part, as the body holds them: one piece would be a copy of the whole stream on the
      // proxy's thread (and the packing copies the parts again); the scan reads across the seams.
      // The copy of an event that spans a seam reuses one buffer for the whole scan, not one each.
      this.#reuseCarry = true;
      let left = upTo;
      for (const part of this.#body.heldParts()) {
        if (left <= 0) break;
        this.#scan(part.length <= left ? part : part.subarray(0, left), Number.NaN);
        left -= part.length;
      }
      this.#reuseCarry = false;
      if (this.#carried === 0) this.#carry = empty;
    }
    // Only an event under way (begun after the last one ended, at `#since`) can still need a deferred chunk's time.
    this.#arrivals.forgetChunksTo(this.#since);
  }

  /** Scans the stream's next bytes. */
  #scan(chunk: Buffer, at: number): void {
    this.#chunk = chunk;
    this.#nextUsage = -2;
    this.#nextModel = -2;
    this.#chunkStart = this.#seen;
    this.#seen += chunk.length;
    this.#scanner.push(chunk, at);
    this.#keepRest();
    // Not held past this call: a chunk may be a view of a whole socket read.
    this.#chunk = empty;
  }

  /**
   * A blank line ended at `end`: an event when `event` (its usage read, kept or counted), else only
   * a fresh start. A kept event's time is that of the deferred chunk that settled its first line
   * (`atSettled`), or the scanner's.
   */
  #blank(end: number, settled: number, event: boolean, atSettled: number): void {
    this.#readUsage(end, event);
    // A parser with no room for data (a zero cap) dispatches nothing.
    if (!event || this.#capBytes <= 0) return;
    // Once one event is left out, so are the rest: what is kept is always a prefix of the stream.
    if (this.#dropped > 0 || this.#arrivals.events >= maxSseEvents || this.#body.held < settled) {
      this.#dropped++;
      return;
    }
    if (atSettled <= this.#deferredEnd) this.#arrivals.keepAtChunkOf(atSettled - 1);
    else this.#arrivals.keep(this.#scanner.at);
  }

  /** Reads usage from the event that ends at `end` when its bytes may hold some, then starts afresh there. */
  #readUsage(end: number, event: boolean): void {
    const from = Math.max(0, this.#since - this.#chunkStart);
    const to = end - this.#chunkStart;
    if (
      event &&
      this.#capBytes > 0 &&
      !this.#overflow &&
      (this.#marked(usageMark, from, to) || (this.#usage.found.model === undefined && this.#marked(modelMark, from, to)))
    ) {
      const own = this.#chunk.subarray(from, to);
      const bytes = this.#carried === 0 ? own : Buffer.concat([this.#carry.subarray(0, this.#carried), own]);
      // A fresh parser skips a leading BOM as the live one did at the start of the stream only:
      // later, after a line break, so it reads the bytes as the live one did. The closing LF
      // settles a blank line written as a lone CR (an extra blank line changes nothing).
      const parser = new SseParser((event) => this.#usage.event(event.data), this.#capBytes);
      parser.push(`${this.#since === 0 ? '' : '\n'}${bytes.toString('utf8')}\n`, 0);
    }
    this.#since = end;
    if (!this.#reuseCarry) this.#carry = empty;
    this.#carried = 0;
    this.#overflow = false;
  }

  /** Whether `mark` is in the event that ends at `to` in this chunk: its bytes `from` there, after those carried from earlier chunks. */
  #marked(mark: Buffer, from: number, to: number): boolean {
    const usage = mark === usageMark;
    let next = usage ? this.#nextUsage : this.#nextModel;
    if (next !== -1 && next < from) {
      next = this.#chunk.indexOf(mark, from);
      if (usage) this.#nextUsage = next;
      else this.#nextModel = next;
    }
    // The first mark at or past `from`: in this event when it ends by `to`; any later one ends later still
    // (so when it does not, this chunk's bytes of the event hold none).
    if (next !== -1 && next + mark.length <= to) return true;
    // An event begun in an earlier chunk (most end in the chunk they start in; in the end-of-stream scan,
    // one a held block): its carried bytes and the seam.
    return (
      this.#carried > 0 &&
      (markWithin(this.#carry, this.#carried, mark) || markAcross(this.#carry, this.#carried, this.#chunk, from, to, mark))
    );
  }

  /** Copies the current event's bytes in this chunk, so its usage can be read when it ends in a later one. */
  #keepRest(): void {
    const from = Math.max(0, this.#since - this.#chunkStart);
    const rest = this.#chunk.length - from;
    if (rest <= 0 || this.#overflow) return;
    if (this.#carried + rest > 2 * this.#capBytes) {
      this.#overflow = true;
      this.#carried = 0;
      return;
    }
    if (this.#carry.length < this.#carried + rest) {
      // Exact for the first piece (most events end in the chunk after they start), doubling after.
      const grown = Buffer.allocUnsafeSlow(this.#carried === 0 ? rest : Math.max(this.#carried + rest, 2 * this.#carry.length));
      this.#carry.copy(grown, 0, 0, this.#carried);
      this.#carry = grown;
    }
    this.#chunk.copy(this.#carry, this.#carried, from);
    this.#carried += rest;
  }

  /**
   * The arrival time of each kept event, in order: the kept events are the first of the held
   * body's own events (what {@link SseCapture.events} parses), so a caller that decodes the body
   * anyway can parse them from its text once, instead of both (see `ReplyPart.sseArrivals`).
   * Undefined once `events` has been read (it hands its arrivals to the events).
   */
  arrivals(): ArrayLike<number> | undefined {
    this.#settle();
    return this.#events === undefined ? this.#arrivals.list() : undefined;
  }

  /** The kept events, parsed from the held body once, each with its arrival time. */
  get events(): readonly SseEvent[] {
    if (this.#events !== undefined) return this.#events;
    this.#settle();
    const events: SseEvent[] = [];
    const ats = this.#arrivals.list();
    if (ats.length > 0) {
      const { bytes } = this.#body.body();
      const parser = new SseParser((event) => {
        const at = ats[events.length];
        if (at !== undefined) events.push({ ...event, at });
      }, this.#capBytes);
      parser.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), 0);
    }
    this.#events = events;
    this.#arrivals.forgetEvents();
    return events;
  }

  usage(): ReportedUsage | undefined {
    this.#settle();
    return this.#usage.result();
  }

  /** Events seen but not kept (past the cap or the budget). */
  get dropped(): number {
    this.#settle();
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
