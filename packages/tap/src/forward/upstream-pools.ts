import { sameVersion, type TapConfig, UnderstudyError, type Version } from '@understudy/core';
import { type Dispatcher, Pool } from 'undici';
import { type ExtraHeaders, extraHeaders } from './forward-headers.js';

/** Everything the forwarding core needs to send a request to one version. */
export interface UpstreamTarget {
  readonly version: Version;
  readonly dispatcher: Dispatcher;
  /** `scheme://host:port` of the upstream. */
  readonly origin: string;
  /** The upstream URL's path without a trailing slash ('' for the root), prefixed to every request path. */
  readonly basePath: string;
  readonly extra: ExtraHeaders;
  /**
   * Takes one of the version's in-flight slots; false when its cap is reached (the caller answers
   * 503 instead of letting the request wait in the pool). Always true without a cap.
   */
  admit(): boolean;
  /** Gives back a slot `admit` took. */
  leave(): void;
}

export interface UpstreamPools {
  /** The target for a version; its pool is created on first use and kept until `close()`. */
  target(version: Version): UpstreamTarget;
  close(): Promise<void>;
}

export interface UpstreamPoolsConfig {
  /** Connections per version's pool; unset: as many as there are concurrent requests. */
  readonly connections?: number | undefined;
  readonly timeouts: Pick<TapConfig['timeouts'], 'connectMs' | 'headersMs' | 'bodyMs'>;
  /**
   * Requests in flight per version at most, checked by `admit()`; unset: no cap. The tap sets it
   * to its `connections`, so a request never queues inside the pool for a free connection.
   */
  readonly maxInFlight?: number | undefined;
}

/**
 * One keep-alive undici `Pool` per version with the configured connection count and timeouts.
 * A version whose upstream or headers change gets a fresh pool (the old one is closed).
 */
export function createUpstreamPools(config: UpstreamPoolsConfig): UpstreamPools {
  const targets = new Map<string, UpstreamTarget>();
  let closed = false;
  return {
    target(version) {
      const known = targets.get(version.name);
      if (known !== undefined && (known.version === version || sameVersion(known.version, version))) return known;
      if (closed) throw new UnderstudyError('internal', 'the tap is closed');
      if (known !== undefined) void known.dispatcher.close().catch(() => {});
      const url = new URL(version.upstream);
      const dispatcher = new Pool(url.origin, {
        // null is undici's "no limit": a long-lived stream never waits for another to end.
        connections: config.connections ?? null,
        connect: { timeout: config.timeouts.connectMs },
        headersTimeout: config.timeouts.headersMs,
        bodyTimeout: config.timeouts.bodyMs,
      });
      const cap = config.maxInFlight ?? Number.POSITIVE_INFINITY;
      let inFlight = 0;
      const target: UpstreamTarget = {
        version,
        dispatcher,
        origin: url.origin,
        basePath: url.pathname.replace(/\/+$/, ''),
        extra: extraHeaders(version.headers),
        admit() {
          if (inFlight >= cap) return false;
          inFlight++;
          return true;
        },
        leave() {
          inFlight = Math.max(0, inFlight - 1);
        },
      };
      targets.set(version.name, target);
      return target;
    },
    async close() {
      closed = true;
      const all = [...targets.values()];
      targets.clear();
      // destroy, not close: close would wait for streams a stopped tap no longer serves.
      await Promise.all(all.map((t) => t.dispatcher.destroy().catch(() => {})));
    },
  };
}
