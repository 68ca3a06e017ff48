import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * An A/B of the tap's runtime (`bench:streams --helpers-nice=N`): lowers the scheduling priority of
 * the threads the runtime started before the first line of JavaScript ran — V8's platform workers
 * (the garbage collector's parallel and concurrent work and the optimizing compiler, for every
 * isolate of the process, the capture writer's included) and Node's idle helpers — to `niceness`.
 * The main thread keeps its priority, and so does every thread started later (Linux gives a new
 * thread its creator's nice value). What `--single-threaded-gc` would do for the writer's GC, from
 * code: the helpers still run, in time the proxy leaves over. Call it first, before anything starts
 * a thread. Linux only (threads are listed under `/proc/self/task`); elsewhere it does nothing.
 * Returns how many threads were lowered.
 */
export function lowerRuntimeHelpers(niceness: number, taskDir = '/proc/self/task'): number {
  if (niceness <= 0) return 0;
  let tasks: string[];
  try {
    tasks = readdirSync(taskDir);
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const task of tasks) {
    const id = Number(task);
    if (!Number.isInteger(id) || id === process.pid) continue;
    try {
      setPriority(id, Math.min(19, niceness));
      lowered++;
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return lowered;
}
