import { mkdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Clock, IdGenerator, Logger } from '@understudy/core';
import type { Store } from '@understudy/store';
import { type CaptureTally, fileCaptureTally, memoryCaptureTally, readCaptureTally } from '@understudy/tap';

/** What this start found of earlier taps on its host that were killed before they ended their run. */
export interface LostBeforeStart {
  /** Runs ended here as `killed`. */
  readonly runs: number;
  /** Captures those runs accepted and never stored (`capture_runs.lost`). */
  readonly lost: number;
  /** Killed runs whose accepted count was not found (their tally file was gone): loss unknown. */
  readonly unknown: number;
}

export interface CaptureRunHandle {
  readonly id: string;
  readonly tally: CaptureTally;
  readonly lostBeforeStart: LostBeforeStart;
  /** Ends the run after the capture queue was flushed and closed: records `lost` (0 when clean). */
  end(store: Store): Promise<void>;
}

/**
 * Begins this tap's capture run, first settling the runs of taps on this host that died without
 * ending theirs: a run whose process is gone (or whose pid is ours now — a restarted container)
 * is ended as `killed` with `lost` = accepted (its tally file under `<dataDir>/capture-runs/`) −
 * stored (counted by the store in each batch's transaction) − refused. Each is logged as a warning;
 * the sums go to `/_understudy/healthz` and the metrics.
 */
export async function beginCaptureRun(deps: {
  store: Store;
  dataDir: string;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}): Promise<CaptureRunHandle> {
  const { store, clock, logger } = deps;
  const host = hostname();
  const dir = join(deps.dataDir, 'capture-runs');
  const tallyFile = (id: string): string => join(dir, `${id}.tally`);
  let runs = 0;
  let lost = 0;
  let unknown = 0;
  for (const run of await store.captureRuns.unended(host)) {
    if (run.pid !== process.pid && alive(run.pid)) continue;
    const counts = readCaptureTally(tallyFile(run.id));
    const ended = await store.captureRuns.end(run.id, {
      endedAt: clock.now(),
      reason: 'killed',
      accepted: counts?.accepted ?? null,
      refused: counts?.refused ?? null,
    });
    rmSync(tallyFile(run.id), { force: true });
    if (ended === undefined) continue;
    runs += 1;
    if (ended.lost === null) unknown += 1;
    else lost += ended.lost;
    logger.warn(
      { run: ended.id, pid: ended.pid, accepted: ended.accepted, stored: ended.stored, refused: ended.refused, lost: ended.lost },
      ended.lost === null
        ? 'a previous tap on this host was killed; its accepted count is gone, so its lost captures are unknown'
        : `a previous tap on this host was killed: ${ended.lost} captures it accepted were never stored`,
    );
  }
  const id = deps.ids();
  let tally: CaptureTally;
  try {
    mkdirSync(dir, { recursive: true });
    tally = fileCaptureTally(tallyFile(id));
  } catch (error) {
    // A data directory the tap cannot write (a read-only root with tap.redaction.key set) costs
    // the durable count, never the tap: a kill of this run will be settled as `unknown`.
    logger.warn({ err: error, dir }, 'cannot keep the capture tally file; captures lost to a kill will be unknown');
    tally = memoryCaptureTally();
  }
  await store.captureRuns.begin({ id, host, pid: process.pid, startedAt: clock.now() });
  return {
    id,
    tally,
    lostBeforeStart: { runs, lost, unknown },
    async end(endStore) {
      const { accepted, refused } = tally.counts();
      const ended = await endStore.captureRuns.end(id, { endedAt: clock.now(), reason: 'closed', accepted, refused });
      tally.discard();
      if (ended?.lost !== undefined && ended.lost !== null && ended.lost > 0)
        logger.warn({ run: id, accepted, stored: ended.stored, refused, lost: ended.lost }, 'captures accepted and never stored');
    },
  };
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
