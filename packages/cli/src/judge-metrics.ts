import { type LlmJudgeObserver, llmJudgeBudgets, llmJudgeFailures } from '@understudy/compare';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * The optional LLM judge's figures in this process's `/metrics`: model calls and their duration,
 * verdicts answered from the cache, calls that gave no verdict by reason, and pairs not judged
 * because a lifetime budget is spent. Every label is a closed set, zero from the start so a
 * dashboard sees each series before its first event.
 */
export function createJudgeMetrics(registry: Registry): LlmJudgeObserver {
  const calls = new Counter({
    name: 'understudy_judge_calls_total',
    help: 'Calls to the LLM judge (compare.judge), answered or not.',
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'understudy_judge_call_duration_seconds',
    help: 'Duration of LLM judge calls, by outcome (verdict, or failed).',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: 'understudy_judge_cache_hits_total',
    help: 'Pairs the LLM judge answered from its verdict cache (by content hash), without a call.',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'understudy_judge_failures_total',
    help: 'Pairs the LLM judge gave no verdict on, by reason; the pair keeps the rules’ verdict with the reason on it.',
    labelNames: ['reason'],
    registers: [registry],
  });
  const exhausted = new Counter({
    name: 'understudy_judge_budget_exhausted_total',
    help: 'Pairs not sent to the LLM judge because its budget for the process is spent (maxCalls: calls, maxPromptChars: prompt_chars).',
    labelNames: ['bound'],
    registers: [registry],
  });
  for (const reason of llmJudgeFailures) failures.inc({ reason }, 0);
  for (const bound of llmJudgeBudgets) exhausted.inc({ bound }, 0);
  for (const outcome of ['verdict', 'failed']) duration.zero({ outcome });
  return {
    called(outcome, seconds) {
      calls.inc();
      duration.observe({ outcome: outcome === 'verdict' ? 'verdict' : 'failed' }, seconds);
      if (outcome !== 'verdict') failures.inc({ reason: outcome });
    },
    cacheHit: () => cacheHits.inc(),
    budgetExhausted: (bound) => exhausted.inc({ bound }),
    queueFull: () => failures.inc({ reason: 'queue_full' }),
  };
}
