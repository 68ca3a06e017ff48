import type { Exchange } from '@understudy/core';

/** Why a capture cannot be replayed faithfully. */
export const unreplayableReasons = ['request_body_truncated', 'request_body_not_captured'] as const;
export type UnreplayableReason = (typeof unreplayableReasons)[number];

/**
 * Whether a captured request can be sent again as it was: not when its body was cut at the
 * capture cap, nor when the body was never captured (a request that announced one, yet none is
 * stored: older taps did not keep it when the upstream was unreachable). Replaying either sends
 * a different request, and the candidate's answer would be judged a regression it is not.
 */
export function unreplayableReason(exchange: Exchange): UnreplayableReason | null {
  const body = exchange.requestBody;
  if (body.truncated) return 'request_body_truncated';
  if (body.bytes.length === 0 && announcesBody(exchange.requestHeaders)) return 'request_body_not_captured';
  return null;
}

function announcesBody(headers: Exchange['requestHeaders']): boolean {
  const length = Number(headers['content-length'] ?? '0');
  return (Number.isFinite(length) && length > 0) || headers['transfer-encoding'] !== undefined;
}
