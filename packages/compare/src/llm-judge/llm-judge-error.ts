/**
 * Why the LLM judge gave no verdict on a pair after it was asked, a closed set (the `reason`
 * label of `understudy_judge_failures_total`): the call took longer than its timeout, the endpoint
 * answered an error status, a body that is no chat completion, or text that is no verdict; the
 * connection failed; the caller gave up on the pair; or the pair found the judge's queue full.
 */
export const llmJudgeFailures = ['timeout', 'error_status', 'bad_answer', 'no_verdict', 'connection', 'aborted', 'queue_full'] as const;
export type LlmJudgeFailure = (typeof llmJudgeFailures)[number];

/** The lifetime bounds of a judge whose exhaustion leaves pairs not judged (the `bound` label of `understudy_judge_budget_exhausted_total`). */
export const llmJudgeBudgets = ['calls', 'prompt_chars'] as const;
export type LlmJudgeBudget = (typeof llmJudgeBudgets)[number];

/** A pair the judge did not judge, with why; `applyExtension` records its message on the pair. */
export class LlmJudgeError extends Error {
  override readonly name = 'LlmJudgeError';
  readonly code: LlmJudgeFailure | 'budget_spent';

  constructor(code: LlmJudgeFailure | 'budget_spent', message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/**
 * What a judge tells its observer (the process's metrics): each model call with its outcome and
 * duration, each pair answered from the cache, each pair not judged because a budget is spent or
 * the queue is full.
 */
export interface LlmJudgeObserver {
  called(outcome: 'verdict' | LlmJudgeFailure, seconds: number): void;
  cacheHit(): void;
  budgetExhausted(bound: LlmJudgeBudget): void;
  queueFull(): void;
}
