import { type Clock, UnderstudyError } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';

export interface BodyLimitOptions {
  /** The largest body a route reads. */
  readonly maxBytes: number;
  /** Names the body in the error message: `request bodies are limited to …`. */
  readonly what: string;
  readonly clock: Clock;
  /** How much of a refused body is still read and thrown away, so the 413 reaches the client (default 64 MiB). */
  readonly drainBytes?: number;
  /** How long a refused body is read at most (default 2 s). */
  readonly drainMs?: number;
}

/**
 * Bounds a request body: past `maxBytes`, declared by `Content-Length` or counted while a chunked
 * body streams, the request is answered 413 `payload_too_large` at once (never read whole first).
 * The rest of the refused body is then read and thrown away, up to `drainBytes` or `drainMs`: a
 * socket closed with unread bytes is reset, and a client still sending its body would get a socket
 * error instead of the 413 (and a kept-alive connection could not carry its next request). Past
 * either bound the body is cancelled, which closes the connection. Hono's own `bodyLimit` leaves
 * the refused body unread behind the web stream it opened, so @hono/node-server's drain of the
 * socket stalls and cuts the connection after 500 ms.
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const { maxBytes, what, clock } = options;
  const drainBytes = options.drainBytes ?? 64 * 1024 * 1024;
  const drainMs = options.drainMs ?? 2_000;

  const refuse = (reader: ReadableStreamDefaultReader<Uint8Array>): never => {
    void drain(reader, drainBytes, drainMs, clock);
    throw new UnderstudyError('payload_too_large', `${what} are limited to ${maxBytes} bytes`);
  };

  return async (c, next) => {
    const body = c.req.raw.body;
    if (body === null) return next();
    const length = c.req.raw.headers.has('transfer-encoding') ? undefined : c.req.header('content-length');
    // Node's parser holds a body to its Content-Length, so a declared length is the body's size.
    if (length !== undefined) return Number(length) > maxBytes ? refuse(body.getReader()) : next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) return refuse(reader);
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}

/** Reads and discards what is left of a refused body, up to `maxBytes` or `ms`, then lets go of it. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, ms: number, clock: Clock): Promise<void> {
  const timer = clock.setTimeout(() => void reader.cancel().catch(() => undefined), ms);
  try {
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > maxBytes) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away or the timer cancelled the read: nothing is left to drain.
  } finally {
    timer.cancel();
  }
}
