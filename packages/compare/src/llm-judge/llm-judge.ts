import { type Clock, systemClock } from '@understudy/core';
import type { CanonicalResponse } from '../adapters/canonical-response.js';
import { hashBytes } from '../adapters/hash.js';
import type { CompareExtension, CompareExtensionResult } from '../compare-extension.js';
import { LlmJudgeError, type LlmJudgeFailure, type LlmJudgeObserver } from './llm-judge-error.js';
import { type LlmVerdict, parseLlmVerdict } from './parse-llm-verdict.js';

/**
 * How the judge reaches a model: one chat request (system + user message, JSON answer asked for)
 * in, the assistant's text out. The HTTP client lives outside this pure package (replay's
 * `createOpenAiJudgeTransport`, an undici dispatcher injected); tests may pass any function.
 */
export type LlmJudgeTransport = (request: {
  readonly system: string;
  readonly user: string;
  readonly signal?: AbortSignal;
}) => Promise<string>;

/** Bounds of an {@link createLlmJudge} instance; past them a pair is reported as not judged. */
export interface LlmJudgeLimits {
  /** Model calls in this judge's lifetime (a run). Default 200. */
  readonly maxCalls: number;
  /** Calls in flight at once; the rest wait in a bounded queue. Default 4. */
  readonly concurrency: number;
  /** Pairs waiting for a slot; past it a pair is not judged. Default 1 000. */
  readonly maxQueued: number;
  /** Characters of prompt in this judge's lifetime (a budget in the unit every model bills by, roughly ×¼ tokens). Default 2 000 000. */
  readonly maxPromptChars: number;
  /** Characters kept of each answer in the prompt. Default 6 000. */
  readonly maxAnswerChars: number;
  /** Verdicts cached by content hash. Default 1 000. */
  readonly maxCached: number;
  /**
   * Whole call, from the request to the last byte of the answer (a model that trickles its answer
   * is cut too, not only one that is silent). Default 30 000.
   */
  readonly timeoutMs: number;
}

export const defaultLlmJudgeLimits: LlmJudgeLimits = Object.freeze({
  maxCalls: 200,
  concurrency: 4,
  maxQueued: 1000,
  maxPromptChars: 2_000_000,
  maxAnswerChars: 6000,
  maxCached: 1000,
  timeoutMs: 30_000,
});

const system = [
  'You compare answers of an AI agent. PRODUCTION answers are correct; other production answers to the same input show how much they may vary.',
  'Decide whether the CANDIDATE says something materially different from production: another fact, amount, date, name or code,',
  'the opposite of a statement, an obligation turned into a permission, an invented claim, a refusal, a wrong language or a missing answer.',
  'Rewording, reordering, a shorter or longer answer with the same facts, and differences production itself shows are NOT regressions.',
  'Answer with JSON only: {"verdict":"same"|"regression","reason":"<one sentence naming the differing values>","confidence":0..1}.',
].join(' ');

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…[cut]` : text;
}

function answer(r: CanonicalResponse, max: number): string {
  const calls = r.toolCalls.map((c) => `tool ${c.name}(${JSON.stringify(c.arguments)})`).join('\n');
  const body =
    r.error !== null ? `ERROR ${r.status ?? ''} ${r.error.message}` : r.refusal !== null && r.text === '' ? `REFUSAL ${r.refusal}` : r.text;
  return clip([body, calls].filter((x) => x !== '').join('\n'), max);
}

const noObserver: LlmJudgeObserver = Object.freeze({ called() {}, cacheHit() {}, budgetExhausted() {}, queueFull() {} });

/** Why a call failed: its own deadline, the caller's signal, a reason the transport gave, else the connection. */
function failureOf(error: unknown, deadline: AbortSignal, caller: AbortSignal | undefined): LlmJudgeFailure {
  if (deadline.aborted) return 'timeout';
  if (caller?.aborted === true) return 'aborted';
  if (error instanceof LlmJudgeError && error.code !== 'budget_spent') return error.code;
  return 'connection';
}

/**
 * An optional second opinion for what rules cannot see: a {@link CompareExtension} that asks a
 * chat model for a structured verdict on original, candidate and baselines. Used only when
 * configured; verdicts are cached by content hash (a pair asked again while its first call is in
 * flight waits for that call); calls, concurrency, queue, prompt budget and each call's duration
 * (on the injected clock) are bounded — a call's share of the budget is taken before it waits for a
 * slot, so pairs queued together never overspend it. A failed, refused or unparseable call rejects
 * for that pair only with an {@link LlmJudgeError} — `applyExtension` records it on the pair
 * (`extensionError`) and the rule-based report stands. `observer` hears every call, cache hit and
 * pair not judged (the process's metrics).
 */
export function createLlmJudge(deps: {
  readonly transport: LlmJudgeTransport;
  readonly limits?: Partial<LlmJudgeLimits>;
  /** Other production answers to the input of the pair being judged, when the caller does not pass them per pair (`context.baselines`). */
  readonly baselinesFor?: (original: CanonicalResponse) => readonly CanonicalResponse[];
  readonly clock?: Clock;
  readonly observer?: LlmJudgeObserver;
  /**
   * Applied to the prompt before it is hashed, cached or sent, and to each answer before it is read:
   * the answers compared may hold secrets (`understudy diff` reads files no capture redacted), and the
   * judge is another party. The caller passes the capture's redaction (this package does no I/O
   * and knows no redaction policy); default: none.
   */
  readonly redact?: (text: string) => string;
}): CompareExtension & { readonly stats: () => { calls: number; cached: number; skipped: number; failed: number } } {
  const limits: LlmJudgeLimits = { ...defaultLlmJudgeLimits, ...deps.limits };
  const clock = deps.clock ?? systemClock;
  const observer = deps.observer ?? noObserver;
  const redact = deps.redact ?? ((text: string) => text);
  const cache = new Map<string, LlmVerdict>();
  const pending = new Map<string, Promise<LlmVerdict>>();
  const stats = { calls: 0, cached: 0, skipped: 0, failed: 0 };
  let promptChars = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const acquire = async (): Promise<void> => {
    if (inFlight < limits.concurrency) {
      inFlight++;
      return;
    }
    if (waiting.length >= limits.maxQueued) {
      observer.queueFull();
      throw new LlmJudgeError('queue_full', 'judge queue full: pair not judged');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else inFlight--;
  };

  /** One model call under the concurrency bound and the call's deadline. */
  const ask = async (user: string, signal: AbortSignal | undefined): Promise<LlmVerdict> => {
    await acquire();
    const deadline = new AbortController();
    const timer = clock.setTimeout(
      () => deadline.abort(new LlmJudgeError('timeout', `judge call timeout: no complete answer in ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    const started = clock.monotonic();
    try {
      const combined = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
      if (combined.aborted) throw combined.reason;
      // The deadline also settles a transport that does not honour the signal.
      const aborted = new Promise<never>((_, reject) => {
        combined.addEventListener('abort', () => reject(combined.reason), { once: true });
      });
      aborted.catch(() => {});
      const text = redact(await Promise.race([deps.transport({ system, user, signal: combined }), aborted]));
      const verdict = parseLlmVerdict(text);
      if (verdict === undefined) throw new LlmJudgeError('no_verdict', `judge answered no verdict: ${clip(text, 120)}`);
      observer.called('verdict', (clock.monotonic() - started) / 1000);
      return verdict;
    } catch (cause) {
      stats.failed++;
      const reason = failureOf(cause, deadline.signal, signal);
      observer.called(reason, (clock.monotonic() - started) / 1000);
      if (cause instanceof LlmJudgeError && cause.code === reason) throw cause;
      const message = reason === 'timeout' ? `judge call timeout: no complete answer in ${limits.timeoutMs} ms` : errorMessage(cause);
      throw new LlmJudgeError(reason, message, { cause });
    } finally {
      timer.cancel();
      release();
    }
  };

  return {
    stats: () => ({ ...stats }),
    async compare(candidate, original, context): Promise<CompareExtensionResult> {
      const baselines = context.baselines ?? deps.baselinesFor?.(original) ?? [];
      const user = redact(
        [
          `PRODUCTION:\n${answer(original, limits.maxAnswerChars)}`,
          ...baselines.map((b, i) => `OTHER PRODUCTION ANSWER ${i + 1}:\n${answer(b, limits.maxAnswerChars)}`),
          `CANDIDATE:\n${answer(candidate, limits.maxAnswerChars)}`,
        ].join('\n\n'),
      );
      const key = hashBytes(new TextEncoder().encode(`${system}\u0000${user}`));
      let verdict = cache.get(key);
      const asked = verdict === undefined ? pending.get(key) : undefined;
      if (asked !== undefined) {
        try {
          verdict = await asked;
        } catch (error) {
          // That call's caller gave up on it, not this one: ask for this pair below.
          if (!(error instanceof LlmJudgeError && error.code === 'aborted' && context.signal?.aborted !== true)) throw error;
        }
      }
      if (verdict !== undefined) {
        stats.cached++;
        observer.cacheHit();
      } else {
        // What the call costs of the prompt budget: the system prompt is sent every time too.
        const charge = user.length + system.length;
        const bound = stats.calls >= limits.maxCalls ? 'calls' : promptChars + charge > limits.maxPromptChars ? 'prompt_chars' : undefined;
        if (bound !== undefined) {
          stats.skipped++;
          observer.budgetExhausted(bound);
          throw new LlmJudgeError(
            'budget_spent',
            `judge budget spent (${stats.calls} calls, ${promptChars} prompt characters): pair not judged`,
          );
        }
        // The call's share of the budget is taken now, before it waits for a slot, and given back
        // only when it never got one.
        stats.calls++;
        promptChars += charge;
        const call = ask(user, context.signal);
        pending.set(key, call);
        try {
          verdict = await call;
        } catch (error) {
          if (error instanceof LlmJudgeError && error.code === 'queue_full') {
            stats.calls--;
            promptChars -= charge;
            stats.skipped++;
          }
          throw error;
        } finally {
          pending.delete(key);
        }
        if (cache.size >= limits.maxCached) cache.delete(cache.keys().next().value ?? '');
        cache.set(key, verdict);
      }
      const score = verdict.verdict === 'regression' ? verdict.confidence : 0;
      return {
        score,
        categories: [
          {
            label: 'llm_judge',
            score,
            severity: score >= 0.5 ? 'high' : 'low',
            message: `llm judge: ${verdict.verdict}: ${verdict.reason}`,
          },
        ],
      };
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
