import { parseSse, type SseEvent, UnderstudyError } from '@understudy/core';

/**
 * The `sse_events` column of a streamed exchange. A live stream's events are its stored body's
 * own first events (the capture parses them from the body it stores, redacted together), so
 * storing them again as JSON wrote every event's data twice (40 KB of body, ~50 KB of events for
 * a 200-event stream) and cost the capture writer a JSON serialisation and the insert of those
 * bytes on every stream. When the events are exactly the first ones the stored body parses to
 * (same data, name, id and key order: what {@link parseSse} gives), only their arrival times are
 * stored: `{"at":[…]}`. Any other list (events from another source, redacted apart from the body,
 * with a field the body lacks) is stored as before, a JSON array, and rows written before this
 * form read as they always did. Either way a reader gets what `JSON.parse(JSON.stringify(events))`
 * gave: the body is checked to hold the events as {@link readSseEventsColumn} will parse them
 * (written as most upstreams write them, compared without a parse; else parsed).
 */
export function sseEventsColumn(events: readonly SseEvent[] | null, responseBody: Uint8Array): string | null {
  if (events === null) return null;
  if (events.length === 0) return '[]';
  for (const e of events) if (!parserShape(e)) return JSON.stringify(events);
  const text = utf8(responseBody);
  if (!writtenAsParsed(text, events)) {
    // Another way of writing the same events (CRLF, comments, `data:x`): the parser decides.
    const parsed = text === '' ? [] : parseSse(text);
    if (parsed.length < events.length) return JSON.stringify(events);
    for (let i = 0; i < events.length; i++) if (!sameEvent(events[i] as SseEvent, parsed[i] as SseEvent)) return JSON.stringify(events);
  }
  const ats: number[] = [];
  for (const e of events) ats.push(e.at);
  return `{"at":${JSON.stringify(ats)}}`;
}

/** The events of a stored row: a JSON array as written, or the stored body's first events at the stored arrivals. */
export function readSseEventsColumn(column: string | null, responseBody: Uint8Array): SseEvent[] | null {
  if (column === null) return null;
  if (column.charCodeAt(0) !== 123) return JSON.parse(column) as SseEvent[];
  const { at } = JSON.parse(column) as { at: number[] };
  const parsed = bodyEvents(responseBody);
  if (parsed.length < at.length)
    throw new UnderstudyError(
      'internal',
      `stored SSE events: ${at.length} arrivals over a stored body of ${parsed.length} events (the row's body and events disagree)`,
    );
  // The parser's own objects (key order at, data, event, id), each given its arrival.
  return at.map((when, i) => ({ ...(parsed[i] as SseEvent), at: when }));
}

function bodyEvents(body: Uint8Array): SseEvent[] {
  const text = utf8(body);
  return text === '' ? [] : parseSse(text);
}

function utf8(body: Uint8Array): string {
  return body.byteLength === 0 ? '' : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/**
 * `e` has the keys {@link parseSse} gives an event, in its order (`at`, `data`, then `event` and
 * `id` when set), so it serialises as the parsed event given its arrival. JSON leaves out a key
 * whose value is undefined but writes an array's undefined as null: such an `at` is refused, as
 * is a field of another type than the parser's (an imported file's).
 */
function parserShape(e: SseEvent): boolean {
  if (e.at === undefined || typeof e.data !== 'string') return false;
  if ((e.event !== undefined && typeof e.event !== 'string') || (e.id !== undefined && typeof e.id !== 'string')) return false;
  let k = 0;
  for (const key in e) {
    const want = k === 0 ? 'at' : k === 1 ? 'data' : k === 2 && e.event !== undefined ? 'event' : 'id';
    if (key !== want || (want === 'id' && e.id === undefined)) return false;
    k++;
  }
  return k === 2 + (e.event === undefined ? 0 : 1) + (e.id === undefined ? 0 : 1);
}

/**
 * Whether `text` opens with `events` written as an upstream most often writes them (`event: `,
 * `id: `, one `data: ` line per line of data, LF line ends, a blank line after each): text the
 * parser reads back as exactly these events, checked without parsing it. No CR anywhere (a CR
 * ends a line too), no line end inside a name or id, no NUL in an id (the parser drops such an id).
 */
function writtenAsParsed(text: string, events: readonly SseEvent[]): boolean {
  if (text.includes('\r')) return false;
  let at = 0;
  // Compared as slices: `===` on two flat strings is a memory compare, ~10x `startsWith` here.
  const field = (name: string, value: string): boolean => {
    const from = at + name.length;
    if (text.slice(at, from) !== name || text.slice(from, from + value.length) !== value) return false;
    at = from + value.length;
    return text.charCodeAt(at++) === 10;
  };
  for (const e of events) {
    if (e.event !== undefined && (e.event.includes('\n') || !field('event: ', e.event))) return false;
    if (e.id !== undefined && (e.id.includes('\n') || e.id.includes('\0') || !field('id: ', e.id))) return false;
    const { data } = e;
    if (!data.includes('\n')) {
      if (!field('data: ', data)) return false;
    } else for (const line of data.split('\n')) if (!field('data: ', line)) return false;
    if (text.charCodeAt(at++) !== 10) return false;
  }
  return true;
}

/** `e` is the parsed event `p`, arrival aside (both of {@link parserShape}). */
function sameEvent(e: SseEvent, p: SseEvent): boolean {
  return e.data === p.data && e.event === p.event && e.id === p.id;
}
