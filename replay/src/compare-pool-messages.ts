import type { AnswerCacheLimits, CanonicalResponse, CompareOptions, DivergenceReport } from '@understudy/compare';

/** One pair for a compare thread: the rules' options without the noise model (judged by the pool's owner). */
export interface CompareTask {
  readonly id: number;
  readonly candidate: CanonicalResponse;
  readonly original: CanonicalResponse;
  readonly options: Omit<CompareOptions, 'noise'>;
}

/** A compare thread's answer: the rules' report (`compareRules`), or why it could not be made. */
export type CompareTaskReply = { readonly id: number; readonly report: DivergenceReport } | { readonly id: number; readonly error: string };

/**
 * What crosses between the pool and a thread: the pairs handed over in one turn of the caller's
 * event loop go as one message, and their reports come back as one (a message costs a wake-up and
 * a copy whatever its size).
 */
export type CompareBatch = readonly CompareTask[];
export type CompareBatchReply = readonly CompareTaskReply[];

/** What a compare thread is started with: how much of production's answers it keeps read. */
export interface CompareThreadData {
  readonly answers: Partial<AnswerCacheLimits>;
}
