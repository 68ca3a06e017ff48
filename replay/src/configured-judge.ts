import { createRedactor } from '@understudy/capture';
import { type CompareExtension, createLlmJudge, type LlmJudgeObserver } from '@understudy/compare';
import { type Clock, type Config, parseConfig, type Random, systemRandom } from '@understudy/core';
import { Agent, type Dispatcher } from 'undici';
import { createOpenAiJudgeTransport } from './openai-judge-transport.js';

/** The `compare.judge` section of the config. */
export type JudgeSettings = NonNullable<Config['compare']['judge']>;

/** A configured LLM judge and what it owns. */
export interface ConfiguredJudge {
  readonly extension: CompareExtension;
  /** Calls made, answered from the cache, skipped past a bound, failed. */
  stats(): { calls: number; cached: number; skipped: number; failed: number };
  /** Closes the judge's own connection pool (not an injected dispatcher). */
  close(): Promise<void>;
}

/**
 * The optional LLM judge of `compare.judge`: the OpenAI-compatible transport over a small pool
 * whose header and body timeouts bound each call, and `createLlmJudge`'s bounds (calls,
 * concurrency, prompt budget, `timeoutMs` for the whole call on `clock`) for one process. Undefined
 * when the config has no judge. The key is read from the environment variable the config names,
 * never from the file. `observer` hears every call, cache hit and pair not judged (metrics).
 * What the judge is sent (and what it answers) is redacted first, by the capture's built-in rules
 * under a key of the judge's own (`random`): stored answers were redacted when recorded, but
 * `understudy diff` reads files, and the judge is a third party.
 */
export function configuredJudge(
  settings: JudgeSettings | undefined,
  env: Readonly<Record<string, string | undefined>>,
  deps: { readonly dispatcher?: Dispatcher; readonly clock?: Clock; readonly observer?: LlmJudgeObserver; readonly random?: Random } = {},
): ConfiguredJudge | undefined {
  if (settings === undefined) return undefined;
  const redactor = createRedactor(parseConfig({}).tap.redaction, Buffer.from((deps.random ?? systemRandom).bytes(32)).toString('hex'));
  const own =
    deps.dispatcher === undefined
      ? new Agent({ connections: settings.concurrency, headersTimeout: settings.timeoutMs, bodyTimeout: settings.timeoutMs })
      : undefined;
  const dispatcher = deps.dispatcher ?? (own as Dispatcher);
  const apiKey = env[settings.apiKeyEnv];
  const judge = createLlmJudge({
    transport: createOpenAiJudgeTransport({ url: settings.url, model: settings.model, ...(apiKey ? { apiKey } : {}) }, { dispatcher }),
    limits: {
      maxCalls: settings.maxCalls,
      concurrency: settings.concurrency,
      maxPromptChars: settings.maxPromptChars,
      timeoutMs: settings.timeoutMs,
    },
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.observer === undefined ? {} : { observer: deps.observer }),
    redact: (text) => redactor.forExchange().body(text, 'text/plain'),
  });
  return {
    extension: judge,
    stats: judge.stats,
    close: async () => {
      await own?.close();
    },
  };
}
