import type { BodyCapture } from '@understudy/capture';
import type { CapturedBody } from '@understudy/core';
import type { ForwardCapture, ForwardResult } from '../forward/forward-result.js';

/**
 * One exchange's raw parts as bytes, as the tap hands them to a capture writer that builds (see
 * `CaptureSink.buildWith`). A structured clone of the parts as objects walks every header string
 * and object field (≈ 20 µs per exchange on the proxy's thread), and the queued objects, their
 * header records and two body copies outlive the young generation when the writer falls behind;
 * packed, the proxy writes each string once into bytes held off the V8 heap, a batch of them goes
 * to the writer as one buffer (`packItems`), and the header records are made in the writer.
 *
 * Layout, in order: a format byte; the u32 offset of the strings' text; the fields: each string as
 * its u32 length in UTF-16 units, numbers as f64 (NaN for null), counts as u32, bodies inline; then
 * the strings' text: every string of the exchange one after another, as a u32 byte length and
 * UTF-8. One write and one decode for all of them: ≈ 27 strings (ids, method, path, headers), each
 * its own `Buffer.write` and `toString` call, took 1.8 µs to pack on the proxy's thread and 1.7 to
 * read in the writer; as one text 0.5 and 0.7. The rare parts (an error, stream usage, events
 * parsed already) are one JSON string each, empty when absent.
 */
export const packedFormat = 3;

/** What the list of times after the reply's timings is: none, the kept events' arrivals, or the stream's chunk table. */
export const timesNone = 0;
export const timesOfEvents = 1;
export const timesOfChunks = 2;

/** What an exchange's parts hold beyond its bodies and strings: fixed fields and length prefixes. */
const fixedBytes = 96;

/** Short exchanges (at most this many bytes packed, worst case) are packed into a shared slab. */
const shortBytes = 16 * 1024;

/**
 * Short exchanges are packed one after another into a slab and handed over as views of it: no
 * buffer of their own (an allocation, a zero fill and a copy per exchange on the proxy's thread).
 * A sink copies the views of a batch into the one buffer it sends its writer (`packItems`), so
 * a slab lives as long as the last exchange packed into it is queued: at 5 000 exchanges a
 * second and ≈ 3 KB each, ≈ 4 slabs a batch interval.
 */
const slabBytes = 64 * 1024;
let slab: Buffer = Buffer.allocUnsafeSlow(slabBytes);
let slabAt = 0;
/**
 * Per slab, its exchanges packed and not yet released ({@link releasePacked}); a slab's buffer is
 * here so the queue counts a view of one by its own bytes, not the slab's. Weak: a slab with an
 * exchange never released (refused, left at close) is let go with its last view, as before.
 */
const slabUsers = new WeakMap<ArrayBufferLike, number>([[slab.buffer, 0]]);
/**
 * Slabs every exchange of which was released, for the next ones. A new slab is fresh memory to the
 * proxy's thread: while the writer falls behind, the queued exchanges hold tens of slabs, and each
 * new one's 16 pages were faulted in as exchanges were packed into it (bench:tap:gc at 2 000 req/s:
 * 0.56 → 0.41 minor faults per request on the proxy's thread, capture off 0.37–0.42; ≈ 10 µs a
 * fault on the bench's VM). At most {@link maxSpareSlabs} are kept.
 */
const spareSlabs: Buffer[] = [];
const maxSpareSlabs = 16;

/** Moves on to a spare slab (or a new one); the full one becomes spare at once when nothing in it is held. */
function nextSlab(): void {
  const full = slab;
  slab = spareSlabs.pop() ?? Buffer.allocUnsafeSlow(slabBytes);
  slabAt = 0;
  if (!slabUsers.has(slab.buffer)) slabUsers.set(slab.buffer, 0);
  if (slabUsers.get(full.buffer) === 0) spare(full);
}

function spare(done: Buffer): void {
  if (spareSlabs.length < maxSpareSlabs) spareSlabs.push(done);
}

/**
 * Long exchanges' own buffers (a stream's: its whole reply), given back, for the next long ones.
 * A fresh buffer is fresh memory: its pages fault in as the reply is copied into it, ≈ 17 µs a
 * 4 KB page on this VM — in a bench:streams CPU profile `heldBody`'s copy of 40 KB replies took 191
 * ms of the proxy's thread per 1 000 streams (of 14.5 s busy), where a copy into warm memory takes
 * a few µs. Streams end one after another, and a batch's buffers come back once the sink has copied
 * it, so all but the first few streams of a burst reuse one. Capacities are rounded up to
 * {@link longStep} so a buffer fits the next stream of about its size; at most
 * {@link maxSpareLongBytes} are kept, the rest left to the garbage collector as before.
 */
const spareLong: Buffer[] = [];
let spareLongBytes = 0;
const longStep = 16 * 1024;
const maxSpareLongBytes = 4 * 1024 * 1024;
/** Long buffers handed out and not yet given back: only these go back to {@link spareLong}, once each. */
const longOut = new WeakSet<ArrayBufferLike>();

/** A buffer of at least `bound` bytes for a long exchange: a spare one up to twice that, else a new one. */
function longBuffer(bound: number): Buffer {
  for (let i = spareLong.length - 1; i >= 0; i--) {
    const spare = spareLong[i] as Buffer;
    if (spare.length >= bound && spare.length <= 2 * bound) {
      spareLong.splice(i, 1);
      spareLongBytes -= spare.length;
      longOut.add(spare.buffer);
      return spare;
    }
  }
  const fresh = Buffer.allocUnsafeSlow(Math.ceil(bound / longStep) * longStep);
  longOut.add(fresh.buffer);
  return fresh;
}

/**
 * Gives back what {@link packParts} returned once nothing will read it again (the sink has copied
 * it into the batch it sends its writer, or refused it): the slab it was packed into is reused once
 * all of its exchanges are given back, a long exchange's own buffer by the next long one. Call once
 * per packed exchange, and only then: memory handed out again is written over. A long buffer given
 * back twice is taken once.
 */
export function releasePacked(packed: Uint8Array): void {
  if (longOut.delete(packed.buffer)) {
    const own = Buffer.from(packed.buffer as ArrayBuffer);
    if (spareLongBytes + own.length <= maxSpareLongBytes) {
      spareLong.push(own);
      spareLongBytes += own.length;
    }
    return;
  }
  const users = slabUsers.get(packed.buffer);
  if (users === undefined || users <= 0) return;
  slabUsers.set(packed.buffer, users - 1);
  if (users === 1 && packed.buffer !== slab.buffer) spare(Buffer.from(packed.buffer as ArrayBuffer));
}

class PartsWriter {
  readonly bytes: Buffer;
  readonly #view: DataView;
  at = 0;
  /** How many of {@link pendingStrings} are this exchange's (their lengths are among the fields). */
  #strings = 0;

  constructor(bytes: Buffer, at: number) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = at;
  }

  u8(n: number): void {
    this.#view.setUint8(this.at, n);
    this.at += 1;
  }

  u32(n: number): void {
    this.#view.setUint32(this.at, n, true);
    this.at += 4;
  }

  f64(n: number | null): void {
    this.#view.setFloat64(this.at, n ?? Number.NaN, true);
    this.at += 8;
  }

  str(s: string): void {
    this.u32(s.length);
    pendingStrings[this.#strings++] = s;
  }

  /** After the fields: the strings' text, and where it starts in the slot written at `offsetAt`. */
  text(offsetAt: number, start: number): void {
    this.#view.setUint32(offsetAt, this.at - start, true);
    let end = this.at + 4;
    for (let i = 0; i < this.#strings; i++) end += writeUtf8(this.bytes, pendingStrings[i] as string, end);
    pendingStrings.fill('', 0, this.#strings);
    this.u32(end - this.at - 4);
    this.at = end;
  }

  list(items: readonly string[]): void {
    this.u32(items.length);
    for (const item of items) this.str(item);
  }

  body(body: CapturedBody): void {
    this.f64(body.size);
    this.u8(body.truncated ? 1 : 0);
    this.u32(body.bytes.length);
    this.bytes.set(body.bytes, this.at);
    this.at += body.bytes.length;
  }

  /** A body as {@link body} writes it, copied from the capture's held parts (no whole copy of it first). */
  heldBody(capture: BodyCapture): void {
    this.f64(capture.size);
    this.u8(capture.size > capture.held ? 1 : 0);
    this.u32(capture.held);
    for (const part of capture.heldParts()) {
      this.bytes.set(part, this.at);
      this.at += part.length;
    }
  }
}

/**
 * The strings of the exchange being packed, in order, until its text is written: kept here, not
 * concatenated (each `+=` is a rope node, flattened again to be written: ≈ 1 KB more per exchange
 * on the proxy's heap than the strings themselves).
 */
const pendingStrings: string[] = [];

/**
 * Writes `s` as UTF-8 at `at`; returns the bytes written. ASCII (nearly every id, method, path and
 * header) byte by byte, without a call into C++ per string; other text by `Buffer.write`.
 */
function writeUtf8(bytes: Buffer, s: string, at: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return bytes.write(s, at, 'utf8');
    bytes[at + i] = c;
  }
  return s.length;
}

/** At most the bytes `s` takes packed (UTF-8 takes at most 3 bytes per UTF-16 unit). */
const strBound = (s: string): number => 4 + 3 * s.length;

function listBound(items: readonly string[]): number {
  let n = 4;
  for (const item of items) n += strBound(item);
  return n;
}

/**
 * Packs one forwarded request's raw, unredacted parts (what `captureParts` would hand
 * `recordExchange`) into a slab (a short exchange) or a buffer of their own (a long one);
 * {@link unpackParts} reads them back in the writer. A view of a slab must be copied by whoever
 * sends it on (a clone of the view copies the whole slab).
 */
export function packParts(
  result: ForwardResult,
  capture: ForwardCapture,
  id: string,
  versionName: string,
  parentId: string | null,
): Uint8Array {
  const requestBody = capture.request.body();
  // The reply (a long stream's) is copied from its held parts, never joined into one piece first.
  const response = capture.response;
  const responseHeaders = capture.responseHeaders;
  // A stream held whole travels unscanned: its chunk table, scanned in the writer (see ReplyPart.sseChunks).
  const chunks = capture.sseChunks();
  // Else a live stream's events are its body's: only their arrival times travel (see ReplyPart.sseArrivals).
  const times = chunks ?? capture.sseArrivals();
  const events = times === undefined ? capture.sseEvents() : null;
  const eventsJson = events === null ? '' : JSON.stringify(events);
  const usage = chunks === undefined ? capture.streamUsage() : undefined;
  const usageJson = usage === undefined ? '' : JSON.stringify(usage);
  const errorJson = result.error === null ? '' : JSON.stringify(result.error);
  const bound =
    fixedBytes +
    strBound(id) +
    strBound(versionName) +
    strBound(parentId ?? '') +
    strBound(result.method) +
    strBound(result.path) +
    strBound(result.query) +
    listBound(capture.requestHeaders) +
    listBound(responseHeaders ?? []) +
    requestBody.bytes.length +
    response.held +
    8 * (times?.length ?? 0) +
    strBound(eventsJson) +
    strBound(usageJson) +
    strBound(errorJson);
  // A long one (a stream's) is packed into a buffer of its own (a spare one when one fits), at most
  // its strings' worst-case UTF-8 over its size.
  const short = bound <= shortBytes;
  if (short && slabAt + bound > slabBytes) nextSlab();
  const w = new PartsWriter(short ? slab : longBuffer(bound), short ? slabAt : 0);
  const start = w.at;
  w.u8(packedFormat);
  const textOffsetAt = w.at;
  w.u32(0);
  w.str(id);
  w.f64(result.startedAt);
  w.str(versionName);
  w.u8(parentId === null ? 0 : 1);
  w.str(parentId ?? '');
  w.str(result.method);
  w.str(result.path);
  w.str(result.query);
  w.list(capture.requestHeaders);
  w.body(requestBody);
  w.f64(result.status);
  w.u8(responseHeaders === null ? 0 : 1);
  w.list(responseHeaders ?? []);
  w.heldBody(response);
  w.u8(result.streamed ? 1 : 0);
  w.f64(result.ttfbMs);
  w.f64(result.durationMs);
  w.u8(times === undefined ? timesNone : chunks === undefined ? timesOfEvents : timesOfChunks);
  if (times !== undefined) {
    w.u32(times.length);
    for (let i = 0; i < times.length; i++) w.f64(times[i] as number);
  }
  w.str(eventsJson);
  w.str(usageJson);
  w.str(errorJson);
  w.text(textOffsetAt, start);
  if (short) {
    slabAt = w.at;
    slabUsers.set(slab.buffer, (slabUsers.get(slab.buffer) ?? 0) + 1);
  }
  return new Uint8Array(w.bytes.buffer, w.bytes.byteOffset + start, w.at - start);
}

/**
 * Bytes a packed exchange holds in the capture queue, for its byte bound: its whole buffer (a
 * long one's, slack included) or its share of a slab, and the objects around it.
 */
export function packedBytes(packed: Uint8Array): number {
  return 256 + (slabUsers.has(packed.buffer) ? packed.byteLength : packed.buffer.byteLength);
}
