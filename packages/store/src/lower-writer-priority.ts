import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Lowers the scheduling priority of the calling capture writer by `niceness` steps below the
 * proxy's (1-19; 0 leaves it) so that, when the cores are busy, the proxy's thread — every client's
 * next chunk waits on it — runs first and the writer takes the CPU left over. The writer's work is
 * bounded by the capture queue (past it captures are dropped and counted, never the traffic held),
 * so it can wait; forwarding cannot. In a worker thread this sets the thread's own nice value
 * (Linux schedules threads as tasks: `setpriority` on its thread id, read from `/proc/thread-self`);
 * in a child process, the process's. Relative, not absolute: a writer starts at the nice value of
 * the thread that started it (the proxy's), and what decides the proxy's share is the gap between
 * the two, so a tap itself run under `nice -n 5` keeps the gap of 10 (nice 15) instead of a gap of
 * 5 — at the same nice value the writer would get a third of the proxy's CPU share instead of a
 * ninth. Capped at 19, the lowest. Raising a nice value needs no privilege. Best effort: where a
 * thread id cannot be read (not Linux) the writer keeps its priority. Returns the nice value set,
 * or undefined when none was.
 */
export function lowerWriterPriority(niceness: number): number | undefined {
  if (niceness <= 0) return undefined;
  try {
    const id = isMainThread ? 0 : Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(id)) return undefined;
    const nice = Math.min(19, getPriority(id) + niceness);
    setPriority(id, nice);
    return nice;
  } catch {
    return undefined;
  }
}
