import type { ExchangeParts } from '@understudy/capture';
import type { CapturedBody, ExchangeError, SseEvent } from '@understudy/core';
import { headerRecord } from '../forward/forward-headers.js';
import { packedFormat, timesOfChunks, timesOfEvents } from './packed-parts.js';

// The writer's side of packed-parts.ts: an exchange's parts read back from the bytes the proxy's
// thread packed (the layout is described there).

class PartsReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  at = 0;
  /** Every string of the exchange, one after another; `str` takes the next. */
  #text = '';
  #textAt = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Decodes the strings' text, at the offset the next u32 gives (right after the format byte). */
  text(): void {
    const offset = this.u32();
    const length = this.#view.getUint32(offset, true);
    this.#text = Buffer.from(this.#bytes.buffer, this.#bytes.byteOffset + offset + 4, length).toString('utf8');
  }

  u8(): number {
    const n = this.#view.getUint8(this.at);
    this.at += 1;
    return n;
  }

  u32(): number {
    const n = this.#view.getUint32(this.at, true);
    this.at += 4;
    return n;
  }

  f64(): number | null {
    const n = this.#view.getFloat64(this.at, true);
    this.at += 8;
    return Number.isNaN(n) ? null : n;
  }

  str(): string {
    const length = this.u32();
    const s = this.#text.slice(this.#textAt, this.#textAt + length);
    this.#textAt += length;
    return s;
  }

  list(): string[] {
    const n = this.u32();
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.str();
    return out;
  }

  body(): CapturedBody {
    const size = this.f64() ?? 0;
    const truncated = this.u8() === 1;
    const length = this.u32();
    const bytes = this.#bytes.subarray(this.at, this.at + length);
    this.at += length;
    return { bytes, size, truncated };
  }
}

/** The parts {@link packParts} packed, as `recordExchange` takes them (a live exchange's). */
export function unpackParts(packed: unknown): ExchangeParts {
  if (!(packed instanceof Uint8Array)) throw new TypeError('unbuilt exchange parts are not packed bytes');
  const r = new PartsReader(packed);
  if (r.u8() !== packedFormat) throw new TypeError('packed exchange parts of an unknown format');
  r.text();
  const id = r.str();
  const startedAt = r.f64() ?? 0;
  const version = r.str();
  const hasParent = r.u8() === 1;
  const parent = r.str();
  const method = r.str();
  const path = r.str();
  const query = r.str();
  const requestHeaders = headerRecord(r.list());
  const requestBody = r.body();
  const status = r.f64();
  const hasResponseHeaders = r.u8() === 1;
  const responseHeaders = r.list();
  const responseBody = r.body();
  const streamed = r.u8() === 1;
  const ttfbMs = r.f64();
  const durationMs = r.f64();
  const timesKind = r.u8();
  let times: number[] | undefined;
  if (timesKind === timesOfEvents || timesKind === timesOfChunks) {
    times = new Array<number>(r.u32());
    for (let i = 0; i < times.length; i++) times[i] = r.f64() ?? 0;
  }
  const eventsJson = r.str();
  const usageJson = r.str();
  const errorJson = r.str();
  const error = errorJson === '' ? null : (JSON.parse(errorJson) as ExchangeError);
  return {
    id,
    startedAt,
    version,
    role: 'live',
    parentId: hasParent ? parent : null,
    request: { method, path, query, headers: requestHeaders, body: requestBody },
    reply: {
      status,
      headers: hasResponseHeaders ? headerRecord(responseHeaders) : {},
      body: responseBody,
      ...(times === undefined
        ? { sseEvents: eventsJson === '' ? null : (JSON.parse(eventsJson) as SseEvent[]) }
        : timesKind === timesOfChunks
          ? { sseChunks: times }
          : { sseArrivals: times }),
      streamed,
      ...(usageJson === '' ? {} : { streamUsage: JSON.parse(usageJson) }),
    },
    ttfbMs,
    durationMs,
    error,
  };
}
