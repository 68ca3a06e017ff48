import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, TimerHandle, UploadsConfig } from '@understudy/core';
import { writeError } from './write-error.js';

/** Why the gate turned an upload away (a metric label). */
export type UploadRefusal = 'too_large' | 'buffers_full' | 'streaming_full' | 'idle' | 'aborted';

export interface UploadGateOptions {
  readonly uploads: UploadsConfig;
  /** Uploads streaming at once when `uploads.maxStreaming` is unset is a quarter of this (the pool size, or a stand-in when unlimited). */
  readonly connections: number;
  /** No body byte for this long: 408 (or a cut, once streaming). */
  readonly bodyIdleMs: number;
  readonly clock: Clock;
  readonly onRefused?: (reason: UploadRefusal) => void;
}

/** What the request carries on with: its whole body (read here), or its stream (still arriving). */
export type Admitted = { readonly body: Buffer } | { readonly body: undefined };

export interface UploadGate {
  /**
   * Reads or admits the body of one request, then calls `proceed` (at most once). A refused
   * or stalled upload is answered here (413, 503, 408) and `proceed` is never called.
   */
  admit(incoming: IncomingMessage, outgoing: ServerResponse, proceed: (admitted: Admitted) => void): void;
  /** Uploads being buffered and streaming now. */
  stats(): { buffering: number; bufferedBytes: number; streaming: number };
}

/**
 * Keeps slow uploaders away from the upstream pool. Without it, a client that trickles its body
 * holds one upstream connection for as long as it likes, and a few hundred such clients leave no
 * connection for anyone (the normal request waits behind them). Like nginx's request
 * buffering: a body up to `bufferBytes` is read whole first, holding only tap memory (bounded in
 * total); a larger or chunked body streams, but only `maxStreaming` at once, so most of the pool
 * always serves requests whose bodies are complete. Every body has an idle timeout.
 */
export function createUploadGate(options: UploadGateOptions): UploadGate {
  const { uploads, clock, bodyIdleMs } = options;
  const maxStreaming = uploads.maxStreaming ?? Math.max(1, Math.floor(options.connections / 4));
  let buffering = 0;
  let bufferedBytes = 0;
  let streaming = 0;

  const refuse = (outgoing: ServerResponse, reason: UploadRefusal, status: number, code: string, message: string): void => {
    options.onRefused?.(reason);
    if (outgoing.headersSent || outgoing.destroyed) {
      outgoing.destroy();
      return;
    }
    // The rest of the body is not read: the connection cannot be reused.
    outgoing.setHeader('connection', 'close');
    writeError(outgoing, status, code, message);
  };

  /** Calls `onIdle` when no body byte arrived for `bodyIdleMs`; stops at the body's end or the response's close. */
  const watchIdle = (incoming: IncomingMessage, outgoing: ServerResponse, onIdle: () => void): (() => void) => {
    const fire = (): void => {
      // Paused by its consumer (a busy upstream, a request waiting for a pool connection) or with
      // bytes unread: the client is not the one that is idle.
      if (incoming.readableFlowing === false || incoming.readableLength > 0) {
        timer = clock.setTimeout(fire, bodyIdleMs);
        return;
      }
      timer = undefined;
      onIdle();
    };
    let timer: TimerHandle | undefined = clock.setTimeout(fire, bodyIdleMs);
    const stop = (): void => {
      timer?.cancel();
      timer = undefined;
    };
    const touch = (): void => {
      if (timer === undefined) return;
      timer.cancel();
      timer = clock.setTimeout(fire, bodyIdleMs);
    };
    incoming.on('data', touch);
    incoming.once('end', stop);
    outgoing.once('close', stop);
    return stop;
  };

  const buffer = (incoming: IncomingMessage, outgoing: ServerResponse, length: number, proceed: (a: Admitted) => void): void => {
    if (bufferedBytes + length > uploads.maxBufferedBytes) {
      refuse(outgoing, 'buffers_full', 503, 'unavailable', 'too many uploads in progress; retry later');
      return;
    }
    buffering++;
    bufferedBytes += length;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      buffering--;
      bufferedBytes -= length;
    };
    outgoing.once('close', release);
    // The declared length, allocated at the first byte and filled in place: a body that trickles in
    // one byte per TCP segment would otherwise keep one Buffer (~200 bytes of objects) per byte.
    let body: Buffer | undefined;
    let size = 0;
    let done = false;
    const stop = watchIdle(incoming, outgoing, () => {
      if (done) return;
      done = true;
      refuse(outgoing, 'idle', 408, 'request_timeout', `no request body byte for ${bodyIdleMs} ms`);
      incoming.destroy();
    });
    incoming.on('data', (chunk: Buffer) => {
      // A buffer of its own, not a slice of Node's shared 8 KB pool (allocUnsafe under 4 KB): the
      // capture keeps this body, and a structured clone of a pool slice copies the whole pool.
      body ??= Buffer.allocUnsafeSlow(length);
      // Node's parser enforces content-length; this only guards the reservation.
      if (size < length) chunk.copy(body, size, 0, Math.min(chunk.length, length - size));
      size += chunk.length;
    });
    incoming.once('end', () => {
      stop();
      if (done) return;
      done = true;
      // Held until the response closes: the bytes live on in the forwarded request and its capture.
      proceed({ body: body === undefined ? Buffer.alloc(0) : body.subarray(0, Math.min(size, length)) });
    });
    incoming.once('close', () => {
      if (done || incoming.complete) return;
      done = true;
      stop();
      options.onRefused?.('aborted');
    });
  };

  const stream = (incoming: IncomingMessage, outgoing: ServerResponse, proceed: (a: Admitted) => void): void => {
    if (streaming >= maxStreaming) {
      refuse(outgoing, 'streaming_full', 503, 'unavailable', 'too many large uploads in progress; retry later');
      return;
    }
    streaming++;
    outgoing.once('close', () => streaming--);
    // Paused first: a 'data' listener on an explicitly paused stream does not start the flow, so
    // the forwarder's pipe still receives every byte.
    incoming.pause();
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > uploads.maxRequestBytes) {
        refuse(outgoing, 'too_large', 413, 'payload_too_large', `request bodies are limited to ${uploads.maxRequestBytes} bytes`);
        incoming.destroy();
      }
    });
    watchIdle(incoming, outgoing, () => {
      refuse(outgoing, 'idle', 408, 'request_timeout', `no request body byte for ${bodyIdleMs} ms`);
      // Closing the client's socket closes `outgoing`, which aborts the upstream request and frees its connection.
      incoming.destroy();
    });
    proceed({ body: undefined });
  };

  return {
    admit(incoming, outgoing, proceed) {
      const length = declaredLength(incoming);
      if (length === 0) return proceed({ body: undefined });
      if (length !== null && length > uploads.maxRequestBytes) {
        return refuse(outgoing, 'too_large', 413, 'payload_too_large', `request bodies are limited to ${uploads.maxRequestBytes} bytes`);
      }
      if (length !== null && length <= uploads.bufferBytes) return buffer(incoming, outgoing, length, proceed);
      stream(incoming, outgoing, proceed);
    },
    stats: () => ({ buffering, bufferedBytes, streaming }),
  };
}

/** The body length a request declares: 0 without a body, null when chunked (RFC 9112 §6.3). */
export function declaredLength(incoming: IncomingMessage): number | null {
  if (incoming.headers['transfer-encoding'] !== undefined) return null;
  const n = Number(incoming.headers['content-length'] ?? '0');
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
