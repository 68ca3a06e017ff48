import { readFileSync } from 'node:fs';

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
