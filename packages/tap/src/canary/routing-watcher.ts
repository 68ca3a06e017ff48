import type { Clock, Logger, Version } from '@understudy/core';
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
  /** Reads the revision now and reloads when it changed. */
  refresh(): Promise<void>;
  /** Loads once, then polls every `pollMs`. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * Keeps a tap's routing in step with the store: it polls the route's stamp (one cheap query
 * over the routing revision and the versions it names, every 250 ms by default, so a step, a
 * rollback or a version's new upstream applies well within a second) and reloads the row and
 * its versions only when it moved. A failed read keeps the last routing. `refresh()` is the one
 * entry point: a push notification (e.g. PostgreSQL LISTEN/NOTIFY) only needs to call it.
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
  let inFlight: Promise<void> | undefined;

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

  const refresh = (): Promise<void> => {
    inFlight ??= load()
      .catch((error: unknown) => deps.logger.warn({ err: error, route: deps.route }, 'routing read failed; keeping the previous routing'))
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    current: () => active,
    refresh,
    async start() {
      await refresh();
      timer ??= deps.clock.setInterval(() => void refresh(), deps.pollMs ?? 250);
    },
    stop() {
      timer?.cancel();
      timer = undefined;
    },
  };
}
