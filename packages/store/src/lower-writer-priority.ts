import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Lowers the scheduling priority of the calling capture writer (`niceness` 1-19; 0 leaves it) so
 * that, when the cores are busy, the proxy's thread — every client's next chunk waits on it — runs
 * first and the writer takes the CPU left over. The writer's work is bounded by the capture queue
 * (past it captures are dropped and counted, never the traffic held), so it can wait; forwarding
 * cannot. In a worker thread this sets the thread's own nice value (Linux schedules threads as
 * tasks: `setpriority` on its thread id, read from `/proc/thread-self`). In a child process it sets
 * every thread the process has (`/proc/self/task`): V8's and libuv's helper threads were started
 * before this runs and would keep nice 0 (compiling the writer's hot code, say), while threads
 * started later inherit the value from the thread that starts them. Raising a nice value needs no
 * privilege. Best effort: where a thread id cannot be read (not Linux) the writer keeps its priority.
 */
export function lowerWriterPriority(niceness: number): boolean {
  if (niceness <= 0) return false;
  const nice = Math.min(19, niceness);
  try {
    if (!isMainThread) {
      const id = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
      if (!Number.isInteger(id)) return false;
      setPriority(id, nice);
      return true;
    }
    // The main thread first: whatever else fails below, the writer's own work runs lowered.
    setPriority(0, nice);
    for (const task of readdirSync('/proc/self/task')) {
      const id = Number(task);
      if (Number.isInteger(id) && id !== process.pid) setPriority(id, nice);
    }
    return true;
  } catch {
    return false;
  }
}
