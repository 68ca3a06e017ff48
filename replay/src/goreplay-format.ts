import { type Exchange, type IdGenerator, noUsage } from '@understudy/core';
import type { ImportItem } from './import-problem.js';

/** GoReplay's payload separator in `--output-file` captures. */
export const goReplaySeparator = '\n🐵🙈🙉\n';
const separator = Buffer.from(goReplaySeparator);
const headerLine = /^([123]) ([0-9a-zA-Z]+) (\d+)(?: (\d+))?$/;

interface HttpMessage {
  readonly startLine: string[];
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

interface Record_ {
  readonly type: '1' | '2' | '3';
  readonly id: string;
  readonly timestampNs: bigint;
  readonly latencyNs: bigint;
  readonly message: HttpMessage;
  readonly line: number;
}

/**
 * GoReplay captures (`gor --output-file`): records of a request (1), its original response (2)
 * and a replayed response (3), joined by id. A request and its original response become one
 * live exchange; a replayed response becomes a `replay` child of it. A record that does not
 * parse is reported by the line it starts on.
 */
export function* parseGoReplay(
  data: Uint8Array,
  options: { ids: IdGenerator; idAt: (ms: number) => void; version: string },
): Generator<ImportItem<Exchange[]>> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const groups = new Map<string, { request?: Record_; original?: Record_; replayed?: Record_[] }>();
  const order: string[] = [];
  let start = 0;
  let line = 1;
  let record = 0;
  while (start < buf.length) {
    let end = buf.indexOf(separator, start);
    if (end === -1) end = buf.length;
    const chunk = buf.subarray(start, end);
    if (chunk.toString('latin1').trim() !== '') {
      record++;
      const parsed = parseRecord(chunk, line, record);
      if ('problem' in parsed) yield { ok: false, problem: parsed.problem };
      else {
        let group = groups.get(parsed.id);
        if (group === undefined) {
          group = {};
          groups.set(parsed.id, group);
          order.push(parsed.id);
        }
        if (parsed.type === '1') group.request = parsed;
        else if (parsed.type === '2') group.original = parsed;
        else {
          group.replayed ??= [];
          group.replayed.push(parsed);
        }
      }
    }
    line += countNewlines(chunk) + 2;
    start = end + separator.length;
  }
  for (const id of order) {
    const group = groups.get(id);
    if (group?.request === undefined) {
      const first = group?.original ?? group?.replayed?.[0];
      yield { ok: false, problem: { where: `line ${first?.line ?? 0}`, reason: `response for id ${id} has no request record` } };
      continue;
    }
    yield { ok: true, value: toExchanges(group.request, group.original, group.replayed ?? [], options) };
  }
}

function toExchanges(
  request: Record_,
  original: Record_ | undefined,
  replayed: readonly Record_[],
  options: { ids: IdGenerator; idAt: (ms: number) => void; version: string },
): Exchange[] {
  const [method = 'GET', target = '/'] = request.message.startLine;
  const url = new URL(target, 'http://goreplay.invalid');
  const startedAt = Number(request.timestampNs / 1_000_000n);
  options.idAt(startedAt);
  const base = {
    method: method.toUpperCase(),
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    requestHeaders: request.message.headers,
    requestBody: { bytes: request.message.body, size: request.message.body.length, truncated: false },
    sseEvents: null,
    ttfbMs: null,
    usage: noUsage,
  };
  const live: Exchange = {
    ...base,
    id: options.ids(),
    startedAt,
    ...response(original),
    version: options.version,
    role: 'live',
    parentId: null,
    error: original === undefined ? { code: 'not_recorded', message: 'the capture has no original response for this request' } : null,
  };
  const children = replayed.map(
    (r): Exchange => ({
      ...base,
      id: options.ids(),
      startedAt: Number(r.timestampNs / 1_000_000n),
      ...response(r),
      version: `${options.version}-replayed`,
      role: 'replay',
      parentId: live.id,
      error: null,
    }),
  );
  return [live, ...children];
}

function response(r: Record_ | undefined): Pick<Exchange, 'status' | 'responseHeaders' | 'responseBody' | 'streamed' | 'durationMs'> {
  if (r === undefined)
    return {
      status: null,
      responseHeaders: {},
      responseBody: { bytes: new Uint8Array(0), size: 0, truncated: false },
      streamed: false,
      durationMs: null,
    };
  const status = Number(r.message.startLine[1]);
  return {
    status,
    responseHeaders: r.message.headers,
    responseBody: { bytes: r.message.body, size: r.message.body.length, truncated: false },
    streamed: (r.message.headers['content-type'] ?? '').includes('text/event-stream'),
    durationMs: r.latencyNs > 0n ? Number(r.latencyNs) / 1e6 : null,
  };
}

function parseRecord(chunk: Buffer, line: number, record: number): Record_ | { problem: { where: string; reason: string } } {
  const where = `line ${line}`;
  const nl = chunk.indexOf(10);
  const head = chunk
    .subarray(0, nl === -1 ? chunk.length : nl)
    .toString('latin1')
    .trim();
  const m = headerLine.exec(head);
  if (m === null)
    return { problem: { where, reason: `not a GoReplay record header: "${head.slice(0, 60)}" (expected "TYPE ID TIMESTAMP [LATENCY]")` } };
  const message = parseHttp(chunk.subarray(nl + 1));
  if (typeof message === 'string') return { problem: { where, reason: message } };
  const type = m[1] as '1' | '2' | '3';
  // A request line is exactly METHOD TARGET HTTP/x.y (RFC 9112 §3): `NOT HTTP AT ALL` is no request.
  if (
    type === '1' &&
    (message.startLine.length !== 3 ||
      !/^[A-Z]{1,16}$/.test(message.startLine[0] ?? '') ||
      !isPathTarget(message.startLine[1]) ||
      !/^HTTP\/\d(\.\d)?$/.test(message.startLine[2] ?? ''))
  ) {
    return {
      problem: {
        where,
        reason: `record ${record}: not an HTTP request (expected "METHOD TARGET HTTP/x"): "${message.startLine.join(' ').slice(0, 60)}"`,
      },
    };
  }
  if (type !== '1' && !/^HTTP\/\d/.test(message.startLine[0] ?? '')) {
    return {
      problem: { where, reason: `response record does not start with "HTTP/x STATUS": "${message.startLine.join(' ').slice(0, 60)}"` },
    };
  }
  if (type !== '1' && !/^[1-5]\d\d$/.test(message.startLine[1] ?? ''))
    return { problem: { where, reason: `bad status "${message.startLine[1] ?? ''}"` } };
  return { type, id: m[2] ?? '', timestampNs: BigInt(m[3] ?? '0'), latencyNs: BigInt(m[4] ?? '0'), message, line };
}

/** Origin-form (`/path?q`) or absolute-form with an http(s) URL (RFC 9112 §3.2): the forms with a path to store. */
function isPathTarget(target: string | undefined): boolean {
  if (target === undefined) return false;
  return target.startsWith('/') || (/^https?:\/\//i.test(target) && URL.canParse(target));
}

function parseHttp(raw: Buffer): HttpMessage | string {
  let split = raw.indexOf('\r\n\r\n');
  let gap = 4;
  if (split === -1) {
    split = raw.indexOf('\n\n');
    gap = 2;
  }
  const headText = raw.subarray(0, split === -1 ? raw.length : split).toString('latin1');
  const lines = headText.split(/\r?\n/);
  const startLine = (lines[0] ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const colon = l.indexOf(':');
    if (colon <= 0) return `malformed header line "${l.slice(0, 60)}"`;
    const name = l.slice(0, colon).trim().toLowerCase();
    const value = l.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let body: Uint8Array = split === -1 ? new Uint8Array(0) : new Uint8Array(raw.subarray(split + gap));
  if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) {
    const decoded = dechunk(body);
    if (decoded === undefined) return 'malformed chunked body';
    body = decoded;
    delete headers['transfer-encoding'];
  }
  return { startLine, headers, body };
}

/** Decodes `Transfer-Encoding: chunked` (RFC 9112 §7.1); a capture cut mid-chunk keeps what it has. */
function dechunk(body: Uint8Array): Uint8Array | undefined {
  const buf = Buffer.from(body);
  const parts: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    const eol = buf.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = Number.parseInt(buf.subarray(at, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return new Uint8Array(Buffer.concat(parts));
}

function countNewlines(chunk: Uint8Array): number {
  let n = 0;
  for (const b of chunk) if (b === 10) n++;
  return n;
}

/** One GoReplay record as text (for writing fixtures and exports): header line, then the raw message. */
export function goReplayRecord(type: 1 | 2 | 3, id: string, timestampNs: bigint, latencyNs: bigint, rawHttp: string): string {
  return `${type} ${id} ${timestampNs} ${latencyNs}\n${rawHttp}`;
}
