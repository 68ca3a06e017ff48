// What bench:streams reads about a server process from outside: the open-file limit, its other
// threads' CPU, a heap snapshot on signal.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { procThreadCpuMs } from '../tap/proc-stats.js';
import { sleep } from '../tap/sleep.js';

/** This process's open-file limit (its children inherit it; `npm run bench:streams` raises it as far as it may), from /proc. */
export function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return Number(line?.split(/\s+/)[3] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds each thread but the main one used since `before`: the busiest, and the rest together. */
export function otherThreads(pid: number | undefined, before: Map<number, number>): { busiestS: number; restS: number; threads: number } {
  const used = [...procThreadCpuMs(pid)].filter(([tid]) => tid !== pid).map(([tid, ms]) => (ms - (before.get(tid) ?? 0)) / 1000);
  const busiestS = Math.max(0, ...used);
  return { busiestS, restS: used.reduce((sum, s) => sum + s, 0) - busiestS, threads: used.filter((s) => s >= 0.05).length - 1 };
}

/** Signals the tap for a heap snapshot and waits until its file is complete (its size steady for 1 s, at most 2 min). */
export async function heapSnapshot(child: ChildProcess, heapDir: string): Promise<string> {
  mkdirSync(heapDir, { recursive: true });
  const files = (): string[] => (existsSync(heapDir) ? readdirSync(heapDir).filter((f) => f.endsWith('.heapsnapshot')) : []);
  const before = new Set(files());
  child.kill('SIGUSR2');
  let last = -1;
  for (let i = 0; i < 240; i++) {
    await sleep(500);
    const fresh = files().find((f) => !before.has(f));
    if (fresh === undefined) continue;
    const size = statSync(join(heapDir, fresh)).size;
    if (size > 0 && size === last) return join(heapDir, fresh);
    last = size;
  }
  throw new Error('no heap snapshot within 2 min');
}
