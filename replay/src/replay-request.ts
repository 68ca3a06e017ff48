import { correlationSigner, exchangeHeader, type RecordDeps } from '@understudy/capture';
import type { Clock, Exchange, IdGenerator, Random, Version } from '@understudy/core';
import type { Dispatcher } from 'undici';
import { sleep } from './pacer.js';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelay } from './retry-policy.js';
import { isConnectionError, replayExchange, replayHeaders, replayUrl, sendOnce } from './send-request.js';

/** Everything one replayed request needs from the run. */
export interface ReplayRequestDeps {
  readonly dispatcher: Dispatcher;
  readonly clock: Clock;
  readonly random: Random;
  readonly ids: IdGenerator;
  /** How the answer is recorded: capture's redactor, prices and body cap. */
  readonly record: Omit<RecordDeps, 'maxBodyBytes'>;
}

export interface ReplayRequestOptions extends RetryPolicy {
  readonly runId: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal;
}

/** The exchange a target produced, and how many attempts it took. */
export interface ReplayedRequest {
  readonly exchange: Exchange;
  readonly attempts: number;
  /**
   * The run was stopped while this request still had a retry to make: its failure is not a
   * result, and the item must stay open so that `--resume` sends it again.
   */
  readonly interrupted: boolean;
}

/**
 * Sends an original request to a version, marked `x-understudy-shadow: 1` and
 * `x-understudy-replay: <run id>` so the agent can suppress side effects. Connection errors,
 * 429 and 503 are retried with backoff (a `Retry-After` wins); timeouts are not, since the
 * agent may still be working on the first try.
 */
export async function replayRequest(
  deps: ReplayRequestDeps,
  original: Exchange,
  version: Version,
  options: ReplayRequestOptions,
): Promise<ReplayedRequest> {
  // The replayed exchange's id is known up front: with the original's it tells the egress proxy
  // whose recording answers this attempt's tool calls (`x-understudy-exchange: <original>; attempt=<id>`).
  const id = deps.ids();
  const marks = {
    'x-understudy-shadow': '1',
    'x-understudy-replay': options.runId,
    [exchangeHeader]: correlationSigner(deps.record.redactor.correlationKey()).value(original.id, id),
  };
  const headers = replayHeaders(original, version, marks);
  const url = replayUrl(version, original);
  const startedAt = deps.clock.now();
  // A function, so TypeScript does not narrow `aborted` across the awaits below.
  const stopped = (): boolean => options.signal?.aborted === true;
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendOnce(deps.dispatcher, deps.clock, {
      url,
      method: original.method,
      headers,
      body: original.requestBody.bytes,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes,
    });
    const retryable =
      outcome.error !== null ? isConnectionError(outcome.error.code) : outcome.status !== null && isRetryableStatus(outcome.status);
    const done = (interrupted = false): ReplayedRequest => ({
      exchange: replayExchange(
        original,
        version,
        outcome,
        { id, startedAt, requestHeaders: headers, marks },
        { ...deps.record, maxBodyBytes: options.maxBodyBytes },
      ),
      attempts: attempt,
      interrupted,
    });
    if (!retryable || attempt > options.retries) return done();
    if (stopped()) return done(true);
    const retryAfter = outcome.error === null ? parseRetryAfter(outcome.responseHeaders['retry-after'], deps.clock.now()) : undefined;
    await sleep(deps.clock, retryDelay(options, attempt, deps.random, retryAfter), options.signal);
    // A stop cuts the backoff short: send nothing more, and leave the item to a resume.
    if (stopped()) return done(true);
  }
}
