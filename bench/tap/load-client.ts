import type { ChildProcess } from 'node:child_process';
import { ask } from './child-set.js';
import type {
  CheckJob,
  CheckResult,
  ClosedJob,
  ClosedResult,
  LoadJob,
  LoadResult,
  OpenJob,
  OpenResult,
  ReplyMessage,
  SseJob,
  SseResult,
} from './load-jobs.js';

/** Runs jobs on the load-generator child, one at a time. */
export class LoadClient {
  readonly #child: ChildProcess;
  #nextId = 0;

  constructor(child: ChildProcess) {
    this.#child = child;
  }

  check(job: Omit<CheckJob, 'kind'>): Promise<CheckResult> {
    return this.#run({ kind: 'check', ...job }, 15_000) as Promise<CheckResult>;
  }

  closed(job: Omit<ClosedJob, 'kind'>): Promise<ClosedResult> {
    return this.#run({ kind: 'closed', ...job }, job.warmupMs + job.durationMs + 30_000) as Promise<ClosedResult>;
  }

  open(job: Omit<OpenJob, 'kind'>): Promise<OpenResult> {
    return this.#run({ kind: 'open', ...job }, job.warmupMs + job.durationMs + 30_000) as Promise<OpenResult>;
  }

  sse(job: Omit<SseJob, 'kind'>): Promise<SseResult> {
    return this.#run({ kind: 'sse', ...job }, job.streamsPerTarget * job.targets.length * 200 + 30_000) as Promise<SseResult>;
  }

  async #run(job: LoadJob, timeoutMs: number): Promise<LoadResult> {
    const id = this.#nextId++;
    const reply = await ask(this.#child, { id, job }, (m) => (isReply(m) && m.id === id ? m : undefined), timeoutMs);
    if ('error' in reply) throw new Error(`load generator, ${job.kind} job: ${reply.error}`);
    if (reply.result.kind !== job.kind) throw new Error(`load generator answered ${reply.result.kind} to a ${job.kind} job`);
    return reply.result;
  }
}

function isReply(m: unknown): m is ReplyMessage {
  return typeof m === 'object' && m !== null && 'id' in m && ('result' in m || 'error' in m);
}
