import { readdirSync, readFileSync } from 'node:fs';

/** A process's resident set now and at its peak, in bytes. */
export interface ProcMemory {
  readonly rss: number;
  readonly peak: number;
}

/**
 * Reads `VmRSS` and `VmHWM` (peak RSS) from `/proc/PID/status`, so every server is measured the
 * same way, including one (Portkey) that cannot report on itself. NaN where /proc is absent.
 */
export function procMemory(pid: number | undefined): ProcMemory {
  if (pid === undefined) return { rss: Number.NaN, peak: Number.NaN };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return m?.[1] === undefined ? Number.NaN : Number(m[1]) * 1024;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/**
 * A process's proportional set size (`Pss` in `/proc/PID/smaps_rollup`), in bytes: its private
 * pages plus its share of the pages it shares (the node binary and libraries a tap and its writer
 * process both map count once between them, not twice as summed RSS counts them). NaN where absent.
 */
export function procPss(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m?.[1] === undefined ? Number.NaN : Number(m[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** The direct children of a process (none where /proc has no children file). */
export function childPids(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // No children file (not Linux, or the process is gone): the process alone.
    return [];
  }
}

/** RSS of a process and of its direct children (`understudy tap` keeps its SQLite writer in one). */
export function treeRss(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  return childPids(pid).reduce((sum, child) => sum + (procMemory(child).rss || 0), procMemory(pid).rss);
}

/** Kernel clock ticks per second for /proc times: `getconf CLK_TCK` is 100 on Linux x86-64 and arm64. */
const ticksPerSecond = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in milliseconds, from
 * `/proc/PID/stat`; 10 ms resolution. Per-request CPU cost holds far steadier than req/s on a
 * shared machine, because it does not depend on how much of the cores the process was given.
 */
export function procCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time a process has used so far in user and in kernel mode, ms: all its threads, or with
 * `tid` that thread alone (the main thread's id is the pid); NaN where /proc is absent.
 */
export function procCpuSplitMs(pid: number | undefined, tid?: number): { readonly user: number; readonly system: number } {
  if (pid === undefined) return { user: Number.NaN, system: Number.NaN };
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: (Number(fields[11]) * 1000) / ticksPerSecond, system: (Number(fields[12]) * 1000) / ticksPerSecond };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/**
 * Read and write system calls a process (or, with `tid`, one of its threads) has made so far
 * (`syscr`, `syscw` of `/proc/PID/io`: a `writev` counts once however many buffers it sends); NaN where absent.
 */
export function procSyscalls(pid: number | undefined, tid?: number): { readonly reads: number; readonly writes: number } {
  if (pid === undefined) return { reads: Number.NaN, writes: Number.NaN };
  try {
    const io = readFileSync(tid === undefined ? `/proc/${pid}/io` : `/proc/${pid}/task/${tid}/io`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1] ?? Number.NaN);
    return { reads: field('syscr'), writes: field('syscw') };
  } catch {
    return { reads: Number.NaN, writes: Number.NaN };
  }
}

/**
 * CPU time (user + system, ms) of each thread of a process so far, by thread id, from
 * `/proc/PID/task/TID/stat`; empty where /proc is absent. The main thread's id is the pid.
 */
export function procThreadCpuMs(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (pid === undefined) return out;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
    }
  } catch {
    // The process (or one thread) went away mid-read: what was read so far.
  }
  return out;
}

/**
 * Minor page faults (`minflt` of `/proc/PID/task/TID/stat`) of each thread of a process so far,
 * by thread id; empty where /proc is absent. On this VM a first touch of a page costs ≈ 10 µs (a
 * 64 KB slab of fresh memory filled 2.6 KB at a time: 0.14 faults and 2.3 µs per fill, against
 * 0.05 µs refilling one slab), so fresh memory per request is worth counting.
 */
export function procThreadFaults(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (pid === undefined) return out;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]));
    }
  } catch {
    // The process (or one thread) went away mid-read: what was read so far.
  }
  return out;
}

/** Kernel-mode CPU ms of a whole process so far (`stime` of `/proc/PID/stat`); NaN where absent. */
export function procSystemMs(pid: number | undefined): number {
  return procCpuSplitMs(pid).system;
}
