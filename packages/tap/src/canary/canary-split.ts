import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Random, Version } from '@understudy/core';
import { declaredLength } from '../forward/upload-gate.js';
import { canaryBucket, canaryBuckets, inCandidate } from './canary-bucket.js';
import { readCanarySticky } from './canary-sticky.js';
import type { RoutingWatcher } from './routing-watcher.js';

/** How the split asks the tap to forward one request. */
export interface SplitSendOptions {
  /** The request body when the split had to read it first. */
  readonly body?: Buffer;
  /** Abandon the response when this matches (candidate 5xx or no response). */
  readonly fallbackWhen?: (status: number | null) => boolean;
  /** Called after a fallback with the captured candidate exchange's id (null when not captured). */
  readonly onFallback?: (candidateExchangeId: string | null) => void;
  /** Recorded as the exchange's parent: the stable answer to a candidate's fallback. */
  readonly parentId?: string | null;
}

export type SplitSend = (version: Version, options: SplitSendOptions) => void;

export interface CanarySplitStats {
  readonly candidate: number;
  readonly primary: number;
  readonly fallbacks: number;
}

export interface CanarySplit {
  readonly watcher: RoutingWatcher;
  /**
   * Routes one request: `own` is the tap's version, used while no routing exists. `body` is the
   * request body when the tap already read it (its stream is then consumed).
   */
  handle(incoming: IncomingMessage, outgoing: ServerResponse, own: Version, send: SplitSend, body?: Buffer): void;
  stats(): CanarySplitStats;
}

/** Bodies up to this size are buffered to read a JSON sticky key or to resend on fallback. */
const defaultMaxBufferBytes = 1024 * 1024;

/**
 * The canary traffic split. bucket = hash(sticky key) mod 10 000 and the candidate takes the
 * buckets below weight × 100, so a conversation stays on one version across steps and
 * restarts, and raising the weight never moves one back to stable; a request without a key
 * draws a random bucket. With fallback on, a candidate connection error or 5xx is served again
 * from the primary (before any byte reached the client) and still counts against the
 * candidate. Bodies that cannot be buffered (chunked, or past the bound) are split without a
 * JSON key and without fallback rather than held in memory.
 */
export function createCanarySplit(deps: { watcher: RoutingWatcher; random: Random; maxBufferBytes?: number }): CanarySplit {
  const max = deps.maxBufferBytes ?? defaultMaxBufferBytes;
  let toCandidate = 0;
  let toPrimary = 0;
  let fallbacks = 0;

  const handle: CanarySplit['handle'] = (incoming, outgoing, own, send, preread) => {
    const r = deps.watcher.current();
    if (r === null) return send(own, preread === undefined ? {} : { body: preread });
    const candidate = r.candidate;
    if (candidate === null || r.weight <= 0) {
      toPrimary++;
      return send(r.primary, preread === undefined ? {} : { body: preread });
    }
    const route = (body: Buffer | undefined, resendable: boolean): void => {
      const key = r.sticky === null ? undefined : readCanarySticky(r.sticky, incoming.headers, body);
      const bucket = key === undefined ? Math.floor(deps.random.next() * canaryBuckets) : canaryBucket(key);
      const withBody = body === undefined ? {} : { body };
      if (!inCandidate(bucket, r.weight)) {
        toPrimary++;
        send(r.primary, withBody);
        return;
      }
      toCandidate++;
      if (!r.fallback || !resendable) {
        send(candidate, withBody);
        return;
      }
      send(candidate, {
        ...withBody,
        fallbackWhen: (status) => status === null || status >= 500,
        onFallback: (parentId) => {
          fallbacks++;
          if (outgoing.destroyed) return;
          send(r.primary, { ...withBody, parentId });
        },
      });
    };
    if (preread !== undefined) return route(preread, true);
    const needBody = r.fallback || r.sticky?.kind === 'json';
    const length = declaredLength(incoming);
    if (!needBody) return route(undefined, false);
    if (length === 0) return route(undefined, true);
    if (length === null || length > max) return route(undefined, false);
    readBody(incoming, length).then(
      (body) => route(body, true),
      () => {
        if (!outgoing.destroyed) outgoing.destroy();
      },
    );
  };

  return { watcher: deps.watcher, handle, stats: () => ({ candidate: toCandidate, primary: toPrimary, fallbacks }) };
}

function readBody(incoming: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Node enforces content-length; the check only guards the bound.
      if (size > length) {
        incoming.destroy();
        reject(new Error('request body longer than declared'));
        return;
      }
      chunks.push(chunk);
    });
    incoming.once('end', () => resolve(Buffer.concat(chunks, size)));
    incoming.once('error', reject);
    incoming.once('close', () => {
      if (!incoming.complete) reject(new Error('the client went away'));
    });
  });
}
