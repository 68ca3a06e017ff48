import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * The semi-space size (MB) a cap keeps the young generation at unless told. V8 grows each of the
 * two semi-spaces up to 16 MB while objects survive scavenges, and a proxy always has requests in
 * flight, so under load the tap's main isolate holds 32 MB of new space besides its old space.
 * At 4 MB: peak RSS 185.7 against 220.3 MB, main thread 162.2 against 171.2 µs per request
 * (bench:tap:gc, `--max-semi-space-size=4`, 2026-12-01 22:17 UTC, load 2.1-2.2; pass 5 likewise);
 * at 2 MB the scavenges cost more than they save (176.6 µs). Since the capture's parts are packed
 * off the V8 heap the cap no longer pays: no role applies it (see the CLI's `main.ts`); bench:tap's
 * `--young-generation=N` still does, for an A/B.
 */
export const proxySemiSpaceMb = 4;

/** V8's own growth factor (`--semi-space-growth-factor`): each growth doubles the semi-spaces. */
const v8GrowthFactor = 2;

let holders = 0;
let observer: PerformanceObserver | undefined;
let capped = false;

/**
 * Keeps the process's young generation at about `semiSpaceMb` per semi-space, from code, with no
 * command-line flag. `--max-semi-space-size` cannot be set from code: V8 reads it once, when the
 * isolate is made. The growth factor (`--semi-space-growth-factor`) is read at each growth, though:
 * after every scavenge, once the new space has reached the cap the factor is set to 1 (no growth),
 * and back to V8's 2 once V8 has shrunk it well below (it does when allocation is slow, e.g. at idle).
 *
 * It cannot shrink a new space already past the cap, and loading a few modules grows it (to 16 MB
 * per semi-space after the store and the tap's modules): an entry point calls this first, before
 * it loads what it runs (see bench/tap/tap-server.ts).
 *
 * V8's flags are the process's: while capped, no isolate of the process grows its young
 * generation, worker threads included (the capture writer's `resourceLimits` keep it smaller
 * anyway; a compare pool's workers would stay at their first size, so `understudy start`, which
 * runs one, is not capped). Returns the release: the last holder's restores V8's own growth.
 */
export function capYoungGeneration(semiSpaceMb = proxySemiSpaceMb): () => void {
  holders++;
  if (observer === undefined) {
    // V8 reports the new space's size over both semi-spaces.
    const capBytes = 2 * semiSpaceMb * 1024 * 1024;
    observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some(isScavenge)) return;
      // Set again after every scavenge while capped: each new isolate (a worker thread, e.g. the
      // capture writer) puts a factor below 2 back to 2 as V8 configures its heap. Released only
      // once V8 has shrunk the new space well below the cap (at idle).
      const bytes = newSpaceBytes();
      if (bytes >= capBytes) setGrowth(true);
      else if (capped && bytes <= capBytes / 4) setGrowth(false);
    });
    observer.observe({ entryTypes: ['gc'] });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders > 0 || observer === undefined) return;
    observer.disconnect();
    observer = undefined;
    if (capped) setGrowth(false);
  };
}

function setGrowth(atCap: boolean): void {
  capped = atCap;
  setFlagsFromString(`--semi-space-growth-factor=${atCap ? 1 : v8GrowthFactor}`);
}

function isScavenge(entry: PerformanceEntry): boolean {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR;
}

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * True when the process was started with a young-generation flag (`--max-semi-space-size`,
 * `--semi-space-growth-factor`, …): an operator's explicit choice, which a cap would override.
 * `runtimeFlags` are Node's own (`process.execArgv` and `NODE_OPTIONS`), read by the caller.
 */
export function youngGenerationSetByFlag(runtimeFlags: readonly string[]): boolean {
  return runtimeFlags.some((flag) => /semi[-_]space/.test(flag));
}
