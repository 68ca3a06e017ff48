import type { Clock, Logger, Version } from '@understudy/core';
import type { RoutingChange, RoutingChanges } from '@understudy/store';
import { type CanarySticky, parseCanarySticky } from './canary-sticky.js';

/** The slice of the store a routing watcher reads. */
export interface RoutingSource {
  readonly routing: {
    /** Changes whenever the route's routing or a version it names changes (see RoutingRepository.stamp). */
    stamp(route: string): Promise<string>;
    get(
      route: string,
    ): Promise<
      { revision: number; primary: string; candidate: string | null; weight: number; sticky: string | null; fallback: boolean } | undefined
    >;
  };
  readonly versions: { get(name: string): Promise<Version | undefined> };
  /** Pushed changes (the store's `routingChanges`); without it the watcher only polls. */
  readonly routingChanges?: RoutingChanges;
}

/** The routing a tap applies, resolved to versions. */
export interface ActiveRouting {
  readonly revision: number;
  readonly primary: Version;
  readonly candidate: Version | null;
  readonly weight: number;
  readonly sticky: CanarySticky | null;
  readonly fallback: boolean;
}

export interface RoutingWatcher {
  /** The routing in force, or null while none was ever written for the route. */
  current(): ActiveRouting | null;
  /**
   * Reads the stamp now and reloads when it changed. A call made while a read is running gets a
   * read that starts after it (the running one may predate the change the caller heard of).
   */
  refresh(): Promise<void>;
  /** Whether changes are pushed to it now (its source's LISTEN connection is up). */
  pushed(): boolean;
  /** Subscribes to pushed changes, loads once, then polls every `pollMs` as the fallback. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * Keeps a tap's routing in step with the store. A change is pushed (`source.routingChanges`:
 * at once from a writer in this process, over PostgreSQL LISTEN/NOTIFY from other processes)
 * and, as the fallback for a missed push and the only way across SQLite processes, the route's
 * stamp is polled (one cheap query over the routing revision and the versions it names, every
 * 250 ms by default, so a step, a rollback or a version's new upstream applies within a second).
 * The row and its versions are reloaded only when the stamp moved; a failed read keeps the last
 * routing.
 */
export function createRoutingWatcher(deps: {
  source: RoutingSource;
  route: string;
  clock: Clock;
  logger: Logger;
  pollMs?: number;
}): RoutingWatcher {
  let active: ActiveRouting | null = null;
  let seen: string | undefined;
  // The revision whose unknown version was already logged: the row is re-read every poll (a
  // version may be added later without a revision bump), but an error every 250 ms is noise.
  let reportedRevision: number | undefined;
  let timer: { cancel(): void } | undefined;
  let unsubscribe: (() => void) | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let stopped = false;

  const load = async (): Promise<void> => {
    const stamp = await deps.source.routing.stamp(deps.route);
    if (stamp === seen) return;
    const row = await deps.source.routing.get(deps.route);
    if (row === undefined) {
      active = null;
      seen = stamp;
      return;
    }
    const primary = await deps.source.versions.get(row.primary);
    const candidate = row.candidate === null ? null : await deps.source.versions.get(row.candidate);
    if (primary === undefined || candidate === undefined) {
      if (reportedRevision === row.revision) return;
      reportedRevision = row.revision;
      deps.logger.error({ route: deps.route, revision: row.revision }, 'routing names an unknown version; keeping the previous routing');
      return;
    }
    active = {
      revision: row.revision,
      primary,
      candidate,
      weight: candidate === null ? 0 : Math.min(100, Math.max(0, row.weight)),
      sticky: row.sticky === null ? null : parseCanarySticky(row.sticky),
      fallback: row.fallback,
    };
    seen = stamp;
    deps.logger.info(
      { route: deps.route, revision: row.revision, primary: row.primary, candidate: row.candidate, weight: row.weight },
      'routing changed',
    );
  };

  const read = (): Promise<void> => {
    inFlight = load()
      .catch((error: unknown) => {
        // A read that was in flight when the watcher stopped fails as its source closes: nothing to keep.
        if (!stopped) deps.logger.warn({ err: error, route: deps.route }, 'routing read failed; keeping the previous routing');
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  // At most one read runs and at most one waits behind it: callers arriving meanwhile share it.
  const refresh = (): Promise<void> => {
    const running = inFlight;
    if (running === undefined) return read();
    queued ??= running.then(() => {
      queued = undefined;
      return inFlight ?? read();
    });
    return queued;
  };

  // Another route's change is not ours; a version change (rare) may be one the routing names.
  const heard = (change: RoutingChange): Promise<void> | undefined =>
    'route' in change && change.route !== deps.route ? undefined : refresh();

  return {
    current: () => active,
    refresh,
    pushed: () => deps.source.routingChanges?.pushed() ?? false,
    async start() {
      stopped = false;
      unsubscribe ??= deps.source.routingChanges?.subscribe(heard);
      await refresh();
      // A poll joins a read already running: it only guards against a missed push.
      timer ??= deps.clock.setInterval(() => void (inFlight ?? read()), deps.pollMs ?? 250);
    },
    stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
      timer?.cancel();
      timer = undefined;
    },
  };
}
