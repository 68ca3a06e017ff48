import { isUtf8 } from 'node:buffer';
import type { CapturedBody } from '@understudy/core';
import { decodeBody, isDecodable } from './decode-body.js';

/** Header recorded on a captured exchange whose stored body was decoded from this encoding. */
export const decodedHeader = 'x-understudy-decoded';
/** Header recorded when a body was not stored: why, its size, and a keyed digest of its bytes. */
export const omittedHeader = 'x-understudy-omitted';

/** A body as the capture reads it: identity-encoded bytes and, when it is text, that text. */
export interface ReadBody {
  readonly body: CapturedBody;
  /** The body as text; undefined when it is binary or could not be decoded (then it is never stored raw). */
  readonly text: string | undefined;
  /** Why the bytes cannot be stored: they are not text, or not in an encoding the capture reads. */
  readonly omit: 'binary' | 'undecodable' | undefined;
}

/** Media types read as text (case-insensitive, RFC 9110 §8.3.1). */
const textTypes = /json|text\/|xml|x-www-form-urlencoded|javascript|graphql|event-stream|ndjson/i;

/**
 * Cuts a body to the capture cap, undoes its `content-encoding` (recording it as
 * `x-understudy-decoded` and dropping the field, since the stored bytes are identity-encoded)
 * and reads it as text when its type says text (an untyped body when it is valid UTF-8).
 * `headers` is the message's recorded header record and is updated in place.
 */
export function readBody(raw: CapturedBody, headers: Record<string, string>, cap: number): ReadBody {
  let body = raw.bytes.length > cap ? { bytes: raw.bytes.subarray(0, cap), size: raw.size, truncated: true } : raw;
  if (body.bytes.length === 0) return { body, text: undefined, omit: undefined };
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== 'identity') {
    const decoded = isDecodable(encoding) ? decodeBody(body.bytes, encoding, cap, body.truncated) : undefined;
    if (decoded === undefined) return { body, text: undefined, omit: 'undecodable' };
    body = { bytes: decoded.bytes, size: raw.size, truncated: decoded.truncated };
    delete headers['content-encoding'];
    headers[decodedHeader] = encoding;
  }
  const contentType = headers['content-type'] ?? '';
  // Bytes that are not UTF-8 are not text whatever the type claims: read as text they would
  // be stored mangled, or a secret in them missed. A cut body may end inside a character.
  const utf8 = isUtf8(body.truncated ? body.bytes.subarray(0, utf8Boundary(body.bytes)) : body.bytes);
  if (!utf8 || (contentType !== '' && !textTypes.test(contentType))) return { body, text: undefined, omit: 'binary' };
  return { body, text: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('utf8'), omit: undefined };
}

/** A stored body from its redacted text (the original bytes when redaction changed nothing). */
export function textBody(read: ReadBody, redacted: string): CapturedBody {
  if (redacted === read.text) return read.body;
  // Sized exactly, never a slice of the shared pool (see ownBody).
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(redacted, 'utf8'));
  bytes.write(redacted, 'utf8');
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: read.body.size, truncated: read.body.truncated };
}

/**
 * The body in a buffer at most twice its size: `bytes` as they are when their buffer is that
 * small (a socket read that also held the headers), else an exact-size copy. A small body may be
 * a view into Node's shared 8 KB pool (a `Buffer.concat` or `Buffer.from` under 4 KB); a
 * structured clone (the hand-off to the capture writer) copies a view's whole buffer, and a
 * queued exchange would keep the pool alive. The tap's own bodies are sized exactly where they
 * are made (upload gate, redacted text); this guards every other path.
 */
export function ownBody(body: CapturedBody): CapturedBody {
  const { bytes } = body;
  if (bytes.buffer.byteLength <= 2 * bytes.byteLength) return body;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return { bytes: copy, size: body.size, truncated: body.truncated };
}

/** What is stored of a body that is not text: no bytes, its true size, flagged incomplete. */
export function omittedBody(raw: CapturedBody): CapturedBody {
  return { bytes: new Uint8Array(0), size: raw.size, truncated: true };
}

/** The length of `bytes` without a trailing, incomplete UTF-8 sequence (at most 3 bytes). */
function utf8Boundary(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}
