// Timing helpers of `npm run bench:compare`: wall-clock loops, CPU per iteration, and a fixed
// calibration loop that says how busy the shared machine was while the figures were taken.

/** A monotonic reading in milliseconds. */
export const now = (): number => performance.now();

/** Runs `body` at least 10 times and until `minMs` passed, at most `maxIterations` times. */
export function timeLoop(minMs: number, maxIterations: number, body: (i: number) => void): { iterations: number; ms: number } {
  const start = now();
  let i = 0;
  while (i < maxIterations && (i < 10 || now() - start < minMs)) body(i++);
  return { iterations: i, ms: now() - start };
}

/**
 * The machine is shared: times ten 400 ms slices of `body` and reports the median and the best
 * slice (the one least disturbed by other processes) in iterations per second, and iterations per
 * second of this process's own CPU time (what a core to itself would do, whatever else runs).
 */
export function slices(body: (i: number) => void): { median: number; best: number; perCpuSecond: number } {
  const rates: number[] = [];
  let k = 0;
  const cpu0 = process.cpuUsage();
  let done = 0;
  for (let s = 0; s < 10; s++) {
    const t = timeLoop(400, 1_000_000, () => body(k++));
    rates.push((t.iterations / t.ms) * 1000);
    done += t.iterations;
  }
  const cpu = process.cpuUsage(cpu0);
  rates.sort((x, y) => x - y);
  const perCpuSecond = done / ((cpu.user + cpu.system) / 1e6);
  return { median: ((rates[4] ?? 0) + (rates[5] ?? 0)) / 2, best: rates[rates.length - 1] ?? 0, perCpuSecond };
}

/** Milliseconds of a fixed loop (5·10⁷ integer adds): the lower, the quieter the machine. */
export function calibrate(): number {
  const t0 = now();
  let x = 0;
  for (let i = 0; i < 5e7; i++) x = (x + i) | 0;
  return x === 0.5 ? 0 : now() - t0;
}

/** CPU microseconds per call of `body` over 2 000 calls, after 200 to warm up. */
export function cpuPerPair(body: (i: number) => void): number {
  const n = 2000;
  for (let i = 0; i < 200; i++) body(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) body(i);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

/** Median, worst and median CPU milliseconds of five timed calls of `body` (after one untimed). */
export function fiveRuns<T>(body: () => T): { result: T; ms: number; worst: number; cpuMs: number } {
  let result = body();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    const c0 = process.cpuUsage();
    result = body();
    const c = process.cpuUsage(c0);
    times.push(now() - t0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  return { result, ms: times[2] ?? 0, worst: times[4] ?? 0, cpuMs: cpuTimes[2] ?? 0 };
}
