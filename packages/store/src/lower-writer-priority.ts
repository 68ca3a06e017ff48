import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Lowers the scheduling priority of the calling capture writer (`niceness` 1-19; 0 leaves it) so
 * that, when the cores are busy, the proxy's thread — every client's next chunk waits on it — runs
 * first and the writer takes the CPU left over. The writer's work is bounded by the capture queue
 * (past it captures are dropped and counted, never the traffic held), so it can wait; forwarding
 * cannot. In a worker thread this sets the thread's own nice value (Linux schedules threads as
 * tasks: `setpriority` on its thread id, read from `/proc/thread-self`); in a child process, the
 * process's. Raising a nice value needs no privilege. Best effort: where a thread id cannot be read
 * (not Linux) the writer keeps its priority.
 */
export function lowerWriterPriority(niceness: number): boolean {
  if (niceness <= 0) return false;
  try {
    const id = isMainThread ? 0 : Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(id)) return false;
    setPriority(id, Math.min(19, niceness));
    return true;
  } catch {
    return false;
  }
}
