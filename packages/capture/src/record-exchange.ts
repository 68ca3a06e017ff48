import type { CapturedBody, Exchange, ExchangeError, ExchangeRole, SseEvent } from '@understudy/core';
import { SseParser } from '@understudy/core';
import { endToEndHeaders } from './header-policy.js';
import type { PriceLookup } from './pricing.js';
import type { ExchangeRedactor, Redactor } from './redactor.js';
import { replyUsage } from './reply-usage.js';
import { SseCapture } from './sse-capture.js';
import { omittedBody, omittedHeader, ownBody, type ReadBody, readBody, textBody } from './stored-body.js';
import type { ReportedUsage } from './usage-extractor.js';

/** The request as it was sent (or received): raw, unredacted, header names in any case. */
export interface RequestPart {
  readonly method: string;
  readonly path: string;
  /** The raw query string without `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as it travelled (possibly content-encoded), possibly cut at a cap. */
  readonly body: CapturedBody;
  /** Understudy's own markers (`x-understudy-shadow`, `x-understudy-replay`), recorded as given. */
  readonly marks?: Readonly<Record<string, string>>;
}

/** The reply as it arrived: raw, unredacted; status null when none came. */
export interface ReplyPart {
  readonly status: number | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: CapturedBody;
  /** Events parsed as the stream arrived (their `at` is the arrival time); else parsed from the body. */
  readonly sseEvents?: readonly SseEvent[] | null;
  /**
   * Instead of `sseEvents`, when the events are the body's own (the live capture's): the k-th
   * complete event of the body arrived at `sseArrivals[k]`, and events past the list are not
   * kept. The events are then parsed from the body's text, which is read anyway, once for both
   * the stored events and the body's redaction.
   */
  readonly sseArrivals?: ArrayLike<number>;
  /**
   * Instead of `sseArrivals` and `streamUsage`, for a live stream its capture never scanned (see
   * `SseCapture.chunks`): where each chunk ends in the body and when it arrived. The body is
   * scanned here for the events' arrivals and the usage, as the live capture would have.
   */
  readonly sseChunks?: ArrayLike<number>;
  /** Usage the stream reported, when it was read on the fly. */
  readonly streamUsage?: ReportedUsage;
  /** Whether the reply streamed, when the path knows (the tap: no content-length); else: it is an event stream. */
  readonly streamed?: boolean;
}

/** Everything one path knows about one exchange, before anything is redacted. */
export interface ExchangeParts {
  readonly id: string;
  readonly startedAt: number;
  readonly version: string;
  readonly role: ExchangeRole;
  readonly parentId: string | null;
  readonly request: RequestPart;
  readonly reply: ReplyPart;
  readonly ttfbMs: number | null;
  readonly durationMs: number | null;
  readonly error: ExchangeError | null;
}

export interface RecordDeps {
  readonly redactor: Redactor;
  readonly prices: PriceLookup;
  /** The capture cap per body (and per SSE event). */
  readonly maxBodyBytes: number;
  /**
   * True when the exchange is stored before its parts' buffers are let go (a capture writer
   * inserts it in the batch it built it for): a stored body may then stay a view of a bigger
   * buffer (see `ownBody`, otherwise applied), with no copy of its own.
   */
  readonly storedAtOnce?: boolean;
}

/**
 * The one way an exchange is recorded, whichever path saw it (live tap, shadow mirror,
 * replayer, importers, egress): header policy, bodies cut to the cap and decoded, SSE events,
 * usage and cost read from the raw text, then every part redacted — request parts first, so
 * a secret the request carried is also scrubbed where the reply echoes it. A body that is not
 * text, or not in an encoding the capture reads, is stored as its size and a keyed digest
 * (`x-understudy-omitted`), never raw.
 */
export function recordExchange(parts: ExchangeParts, deps: RecordDeps): Exchange {
  const { request, reply } = parts;
  const cap = deps.maxBodyBytes;
  const redactor = deps.redactor.forExchange();
  const requestHeaders = endToEndHeaders(request.headers);
  const responseHeaders = endToEndHeaders(reply.headers);
  const requestRead = readBody(request.body, requestHeaders, cap);
  const responseRead = readBody(reply.body, responseHeaders, cap);
  const requestType = requestHeaders['content-type'] ?? '';
  const responseType = responseHeaders['content-type'] ?? '';
  const eventStream = responseType.toLowerCase().includes('text/event-stream');

  let events: readonly SseEvent[] | null = reply.sseEvents ?? null;
  let streamUsage = reply.streamUsage;
  let arrivals = reply.sseArrivals;
  if (eventStream && events === null && reply.sseChunks !== undefined) {
    // The live capture's end-of-stream scan, run here instead of on the proxy's thread.
    const sse = SseCapture.ofChunks(reply.body.bytes, reply.sseChunks, cap);
    arrivals = sse.arrivals();
    streamUsage = sse.usage();
  }
  /** Every complete event of the body's text, when `events` were parsed from it here (they are a prefix of these). */
  let bodyEvents: readonly SseEvent[] | undefined;
  if (eventStream && events === null && arrivals !== undefined) {
    bodyEvents = arrivedEvents(responseRead, arrivals, cap);
    events = bodyEvents.length > arrivals.length ? bodyEvents.slice(0, arrivals.length) : bodyEvents;
  } else if (eventStream && events === null && responseRead.text !== undefined) {
    // Read from the stored text (a compressed or imported stream): events get the end time.
    const sse = new SseCapture(cap);
    sse.push(Buffer.from(responseRead.text, 'utf8'), parts.durationMs ?? 0);
    sse.end();
    events = sse.events;
    streamUsage = sse.usage();
  }
  const usage = replyUsage(
    { streamed: streamUsage, responseText: responseRead.text, responseType, requestText: requestRead.text },
    deps.prices,
  );

  const storedRequestHeaders = redactor.headers(requestHeaders);
  const query = redactor.query(request.query);
  const path = redactor.path(request.path);
  const own = deps.storedAtOnce === true ? keptAsIs : ownBody;
  const requestBody = own(storedBody(requestRead, requestType, storedRequestHeaders, redactor, deps.redactor));
  const storedResponseHeaders = redactor.headers(responseHeaders);
  const responseBody = own(storedBody(responseRead, responseType, storedResponseHeaders, redactor, deps.redactor, bodyEvents));
  const sseEvents = events === null ? null : storedEvents(redactor, events, bodyEvents);
  if (request.marks !== undefined) for (const [name, value] of Object.entries(request.marks)) storedRequestHeaders[name] = value;
  return {
    id: parts.id,
    startedAt: parts.startedAt,
    method: request.method.toUpperCase(),
    path,
    query,
    requestHeaders: storedRequestHeaders,
    requestBody,
    status: reply.status,
    responseHeaders: storedResponseHeaders,
    responseBody,
    streamed: reply.streamed ?? eventStream,
    sseEvents,
    ttfbMs: parts.ttfbMs,
    durationMs: parts.durationMs,
    version: parts.version,
    role: parts.role,
    parentId: parts.parentId,
    usage,
    error: parts.error === null ? null : { code: parts.error.code, message: redactor.text(parts.error.message) },
  };
}

function storedBody(
  read: ReadBody,
  contentType: string,
  headers: Record<string, string>,
  redactor: ExchangeRedactor,
  policy: Redactor,
  events?: readonly SseEvent[],
): CapturedBody {
  if (read.omit !== undefined) {
    headers[omittedHeader] = `${read.omit}; size=${read.body.size}; digest=${policy.digest(read.body.bytes)}`;
    return omittedBody(read.body);
  }
  if (read.text === undefined || read.text === '') return read.body;
  return textBody(read, redactor.body(read.text, contentType, events));
}

const keptAsIs = (body: CapturedBody): CapturedBody => body;

/**
 * Every complete event of the body's text (as the live capture's parse of its held bytes reads
 * them: the same parser and cap), the k-th with the arrival time `arrivals[k]` (0 past the list).
 * A body that is not text is decoded as the live capture decodes it.
 */
function arrivedEvents(read: ReadBody, arrivals: ArrayLike<number>, cap: number): SseEvent[] {
  if (arrivals.length === 0) return [];
  const { bytes } = read.body;
  const text = read.text ?? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push({ ...event, at: arrivals[events.length] ?? 0 }), cap);
  parser.push(text, 0);
  return events;
}

/** The stored events: the body's redaction of them when it redacted these same events (a prefix of `bodyEvents`), else their own. */
function storedEvents(redactor: ExchangeRedactor, events: readonly SseEvent[], bodyEvents: readonly SseEvent[] | undefined): SseEvent[] {
  if (bodyEvents === undefined || events === bodyEvents) return redactor.events(events);
  return redactor.events(bodyEvents).slice(0, events.length);
}

/**
 * The parts of an exchange that was built elsewhere (an importer's parse of a HAR entry, a
 * GoReplay record, a JSONL line): recording them again applies the one policy to them.
 * Recording an already-redacted exchange changes nothing (placeholders are left alone).
 */
export function exchangeParts(e: Exchange): ExchangeParts {
  return {
    id: e.id,
    startedAt: e.startedAt,
    version: e.version,
    role: e.role,
    parentId: e.parentId,
    request: { method: e.method, path: e.path, query: e.query, headers: e.requestHeaders, body: e.requestBody },
    reply: { status: e.status, headers: e.responseHeaders, body: e.responseBody, sseEvents: e.sseEvents },
    ttfbMs: e.ttfbMs,
    durationMs: e.durationMs,
    error: e.error,
  };
}
