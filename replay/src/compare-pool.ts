import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  AnswerCache,
  type AnswerCacheLimits,
  type CanonicalResponse,
  type CompareOptions,
  compareRules,
  type DivergenceReport,
  judge,
} from '@understudy/compare';
import { type Logger, moduleWorker, silentLogger, UnderstudyError } from '@understudy/core';
import type { CompareBatchReply, CompareTask, CompareThreadData } from './compare-pool-messages.js';

/**
 * `compareResponses` on worker threads: a replay or a live shadow compares many pairs, each
 * ≈ 1 ms of CPU, and on one thread that caps a run's pairs per second at one core's rate and
 * holds its event loop while each pair is read. The rules run on a pool thread; the verdict is
 * judged on the calling thread with `options.noise` (a run's noise model changes as baselines
 * arrive), so a report is exactly what `compareResponses` returns.
 */
export interface ComparePool {
  compare(candidate: CanonicalResponse, original: CanonicalResponse, options?: CompareOptions): Promise<DivergenceReport>;
  /** `compareRules` on a pool thread: the report before the verdict (judge it with `judge`). */
  rules(candidate: CanonicalResponse, original: CanonicalResponse, options?: Omit<CompareOptions, 'noise'>): Promise<DivergenceReport>;
  /** Threads running now (started on demand: a process that compares nothing starts none). */
  readonly threads: number;
  /** Stops the threads; pairs in flight are compared on the calling thread. Later pairs too. */
  close(): Promise<void>;
}

export interface ComparePoolOptions {
  /** Most threads; default the machine's available parallelism, at most 8. 0: every pair on the calling thread. */
  readonly threads?: number;
  /** Pairs in flight per thread; past it, a pair is compared on the calling thread (the pool never queues more). Default 32. */
  readonly maxPerThread?: number;
  /** How much of production's answers each thread keeps read (`limitAnswerCaches`); default the engine's. */
  readonly answers?: Partial<AnswerCacheLimits>;
  readonly logger?: Logger;
}

interface Pending {
  readonly task: CompareTask;
  resolve(report: DivergenceReport): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  /** Pairs handed to it and not answered yet, those still in `outbox` included. */
  readonly pending: Map<number, Pending>;
  /** Pairs handed to it in this turn of the event loop, posted together when the turn ends. */
  outbox: Pending[];
}

/** A {@link ComparePool}: threads started as pairs arrive, up to `threads`, each pair sent to the least busy. */
export function createComparePool(options: ComparePoolOptions = {}): ComparePool {
  const most = Math.max(0, options.threads ?? Math.min(8, availableParallelism()));
  const maxPerThread = Math.max(1, options.maxPerThread ?? 32);
  const logger = options.logger ?? silentLogger;
  const threads: Thread[] = [];
  let nextId = 0;
  let closed = false;
  let failures = 0;

  const settleHere = (p: Pending): void => {
    try {
      p.resolve(compareRules(p.task.candidate, p.task.original, p.task.options));
    } catch (error) {
      p.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  /** A thread that failed or exited: its pairs are compared here, and it takes no more. */
  const drop = (thread: Thread, why: string): Promise<number> | undefined => {
    const at = threads.indexOf(thread);
    if (at < 0) return undefined;
    threads.splice(at, 1);
    if (!closed) {
      failures++;
      logger.warn({ err: why, pending: thread.pending.size }, 'compare thread failed; its pairs are compared on the calling thread');
    }
    for (const p of thread.pending.values()) settleHere(p);
    thread.pending.clear();
    return thread.worker.terminate();
  };

  const start = (): Thread => {
    const workerData: CompareThreadData = { answers: options.answers ?? {} };
    const worker = moduleWorker(import.meta.url, 'compare-pool-worker', { workerData });
    const thread: Thread = { worker, pending: new Map(), outbox: [] };
    worker.unref();
    worker.on('message', (replies: CompareBatchReply) => {
      for (const reply of replies) {
        const p = thread.pending.get(reply.id);
        if (p === undefined) continue;
        thread.pending.delete(reply.id);
        if ('error' in reply) p.reject(new UnderstudyError('internal', `compare thread: ${reply.error}`));
        else p.resolve(reply.report);
      }
      if (thread.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => drop(thread, error.message));
    worker.on('exit', (code) => drop(thread, `exited with code ${code}`));
    threads.push(thread);
    return thread;
  };

  // The thread each original last went to, by its text: a replay compares its original with the
  // baseline's answer and then with the candidate's, and each replay of a release or candidate
  // version with the same recorded answers; a thread that read an answer keeps it read (compare's
  // answer cache), where another would read it again. Bounded like that cache, for all threads.
  const lastThread = new AnswerCache<Thread>({ answers: 2048, chars: 4 * 1024 * 1024 });

  /** The thread for the next pair: the one its original went to, else the least busy (or a new one when every running thread has work). */
  const pick = (original: CanonicalResponse): Thread | undefined => {
    const key = original.text;
    const last = key === '' ? undefined : lastThread.get(key);
    if (last !== undefined && last.pending.size < maxPerThread && threads.includes(last)) return last;
    const thread = leastBusy();
    if (thread !== undefined && key !== '') lastThread.set(key, thread);
    return thread;
  };

  const leastBusy = (): Thread | undefined => {
    let best: Thread | undefined;
    for (const t of threads) if (best === undefined || t.pending.size < best.pending.size) best = t;
    // A thread that failed is not replaced: a broken install would fail every one.
    if ((best === undefined || best.pending.size > 0) && threads.length + failures < most) return start();
    return best !== undefined && best.pending.size < maxPerThread ? best : undefined;
  };

  return {
    get threads() {
      return threads.length;
    },
    rules,
    async compare(candidate, original, compareOptions = {}) {
      const { noise, ...rest } = compareOptions;
      return judge(await rules(candidate, original, rest), noise ?? null, rest.judge);
    },
    async close() {
      closed = true;
      await Promise.all([...threads].map((t) => drop(t, 'closed')));
    },
  };

  function rules(
    candidate: CanonicalResponse,
    original: CanonicalResponse,
    ruleOptions: Omit<CompareOptions, 'noise'> = {},
  ): Promise<DivergenceReport> {
    return new Promise<DivergenceReport>((resolve, reject) => {
      const p: Pending = { task: { id: nextId++, candidate, original, options: ruleOptions }, resolve, reject };
      const thread = closed ? undefined : pick(original);
      if (thread === undefined) {
        settleHere(p);
        return;
      }
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(p.task.id, p);
      thread.outbox.push(p);
      // Posted once the caller's current turn (its promise callbacks included) is done: the pairs
      // handed over meanwhile share one message.
      if (thread.outbox.length === 1) process.nextTick(flush, thread);
    });
  }

  /** Posts a thread's waiting pairs as one message. */
  function flush(thread: Thread): void {
    const batch = thread.outbox;
    thread.outbox = [];
    // A thread dropped meanwhile has had its pairs compared here already.
    if (!threads.includes(thread)) return;
    try {
      thread.worker.postMessage(batch.map((p) => p.task));
    } catch {
      // Options that cannot be copied to a thread (a caller's own objects): those pairs are compared here.
      for (const p of batch) {
        try {
          thread.worker.postMessage([p.task]);
        } catch {
          thread.pending.delete(p.task.id);
          settleHere(p);
        }
      }
      if (thread.pending.size === 0) thread.worker.unref();
    }
  }
}
