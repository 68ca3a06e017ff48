import { type ExchangeErrorCode, toExchangeErrorCode } from '@understudy/core';

/** What the caller knows when a request to an upstream failed. */
export interface FailureContext {
  /** The caller's own deadline fired (an abort signal, a timer). */
  readonly timedOut?: boolean;
  /** A status line had arrived before the failure. */
  readonly responded?: boolean;
}

/**
 * The one upstream-error classifier: turns whatever a dispatcher threw (undici's coded errors,
 * Node's socket errors, an abort) into an `Exchange.error.code`. Timeouts are
 * `upstream_timeout`; a failure after the status line is `upstream_error`; before it,
 * `upstream_unreachable`. The tap, the shadow mirror, the replayer and the egress proxy all
 * call it, so the same failure is the same code wherever it is recorded.
 */
export function classifyUpstreamError(cause: unknown, context: FailureContext = {}): ExchangeErrorCode {
  if (context.timedOut === true) return 'upstream_timeout';
  const code = causeCode(cause);
  const kind = code === undefined ? 'upstream_error' : toExchangeErrorCode(code);
  if (kind === 'upstream_timeout') return kind;
  return context.responded === true ? 'upstream_error' : 'upstream_unreachable';
}

/** The first string `code` on the error or its `cause` chain (undici wraps socket errors). */
function causeCode(cause: unknown): string | undefined {
  let at: unknown = cause;
  for (let depth = 0; depth < 4 && typeof at === 'object' && at !== null; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}
