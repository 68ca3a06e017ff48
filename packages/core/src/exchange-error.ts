/**
 * Why an exchange did not complete normally: a closed set, the same on every path that
 * records (live, shadow, replay, import, egress), so a dashboard filter or a gate counting
 * `upstream_unreachable` sees every such failure wherever it happened.
 */
export const exchangeErrorCodes = [
  /** No response arrived: refused, reset before the status line, DNS failure. */
  'upstream_unreachable',
  /** A connect, headers or body timeout (the tap's or the caller's own). */
  'upstream_timeout',
  /** A response started and then failed (reset mid-body, bad framing), or a fallback was taken. */
  'upstream_error',
  /** The tap's configured cap of requests in flight to the version was reached: answered 503 at once. */
  'upstream_saturated',
  /** The client went away before the response ended. */
  'client_disconnected',
  /** Imported traffic whose capture holds no response for the request. */
  'not_recorded',
] as const;
export type ExchangeErrorCode = (typeof exchangeErrorCodes)[number];

export interface ExchangeError {
  readonly code: ExchangeErrorCode;
  readonly message: string;
}

const known: ReadonlySet<string> = new Set(exchangeErrorCodes);

// Codes older rows and foreign files carry (Node/undici socket codes), mapped onto the set.
const connectCodes =
  /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|UND_ERR_SOCKET|UND_ERR_CLOSED)$/;
const timeoutCodes =
  /^(ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|AbortError|timeout)$/;

/**
 * Maps any code string (a stored row, an imported file, a socket error's `code`) onto the
 * closed set: known codes pass, socket codes map by kind, anything else is `upstream_error`.
 */
export function toExchangeErrorCode(code: string): ExchangeErrorCode {
  if (known.has(code)) return code as ExchangeErrorCode;
  if (timeoutCodes.test(code)) return 'upstream_timeout';
  if (connectCodes.test(code)) return 'upstream_unreachable';
  return 'upstream_error';
}
