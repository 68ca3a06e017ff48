/**
 * Every failure Understudy reports carries a stable code. The table below maps each code to
 * an HTTP status, so adding a code without deciding its status fails to compile (as trpc does).
 */
export const errorStatus = {
  bad_request: 400,
  invalid_config: 400,
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A tool call's `x-understudy-exchange` is not one the tap or a replayer signed. */
  correlation_unverified: 403,
  not_found: 404,
  /** The client sent its request too slowly (an idle head or body). */
  request_timeout: 408,
  conflict: 409,
  shadow_blocked: 409,
  payload_too_large: 413,
  store_unavailable: 503,
  /** The process is shutting down or not ready to serve. */
  unavailable: 503,
  upstream_unreachable: 502,
  upstream_error: 502,
  upstream_timeout: 504,
  /** The tap's configured cap of requests in flight to a version is reached. */
  upstream_saturated: 503,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export class UnderstudyError extends Error {
  override readonly name = 'UnderstudyError';
  readonly code: ErrorCode;
  /** Structured detail for callers (e.g. the offending config key path). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** The JSON body every HTTP surface answers with: `{ error: { code, message } }`. */
  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isUnderstudyError(value: unknown): value is UnderstudyError {
  return value instanceof UnderstudyError;
}
