import type { Random } from '@understudy/core';

/** How a failed attempt is retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

/** Statuses worth another try: the upstream said "not now" (RFC 9110 §15.6.4, RFC 6585 §4). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry number `attempt` (1-based): exponential backoff with "equal jitter"
 * (half fixed, half random) so a burst of failures does not retry in lockstep. A server's
 * `Retry-After` wins, capped at `maxBackoffMs` times four so one bad header cannot stall a run.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: Random, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxBackoffMs * 4);
  const exp = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
  return exp / 2 + (random.next() * exp) / 2;
}
