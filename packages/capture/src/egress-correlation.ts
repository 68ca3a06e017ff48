import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/** Set by the tap on what it sends the agent; the agent copies it onto its tool calls. */
export const exchangeHeader = 'x-understudy-exchange';
/** `1` on shadow and replay traffic; the agent copies it onto its tool calls. */
export const shadowHeader = 'x-understudy-shadow';

/** Which exchange a tool call belongs to, as read from the two correlation headers. */
export interface Correlation {
  /** Live: the exchange the call belongs to. Shadow: the original exchange whose recording answers. */
  readonly exchangeId: string | null;
  /** Shadow: the candidate's own exchange id (one attempt on the original), when the sender knew it. */
  readonly attemptId: string | null;
  readonly shadow: boolean;
}

/**
 * A read correlation: `verified` when the exchange header carried a valid signature (or was
 * absent), `forged` when it was present but its signature is missing or wrong — the caller did
 * not get the value from the tap or a replayer holding the key.
 */
export type CorrelationCheck =
  | { readonly verified: true; readonly correlation: Correlation }
  | { readonly verified: false; readonly reason: string };

/** Signs and reads `x-understudy-exchange` values with one key (see {@link correlationSigner}). */
export interface CorrelationSigner {
  /** The header value: `<exchange>[; attempt=<id>]; sig=<tag>`. */
  value(exchangeId: string, attemptId?: string): string;
  /** Reads and verifies the correlation headers of a tool call. */
  read(headers: Readonly<Record<string, string | string[] | undefined>>): CorrelationCheck;
}

const idPattern = /^[A-Za-z0-9._-]{1,64}$/;
/** 128 bits of HMAC-SHA256, base64url: guessing one is as hard as guessing a random 128-bit key. */
const tagBytes = 16;

/**
 * The `x-understudy-exchange` value carries an HMAC-SHA256 (RFC 2104) over the exchange id and the attempt id, so
 * the egress proxy can tell a value the tap (or a replayer) issued from one a caller made up:
 * without it, anyone who reaches the egress port and guesses an exchange id could read that
 * exchange's recorded tool answers (`x-understudy-shadow: 1`) or write calls into its recording.
 * The key is derived from the redaction key (`Redactor.correlationKey()`), which every tap,
 * replayer and egress proxy of one store already shares. Agents forward the value as it is.
 */
export function correlationSigner(key: Buffer): CorrelationSigner {
  // A standard MAC from node:crypto, never a construction of our own (a keyed hash made by hand
  // saved about 1 µs a call: bench/capture/correlation-sign.ts). The key is imported once.
  const secret = createSecretKey(key);
  const tag = (exchangeId: string, attemptId: string | null): Buffer =>
    createHmac('sha256', secret)
      .update(`${exchangeId}\n${attemptId ?? ''}`)
      .digest()
      .subarray(0, tagBytes);
  return {
    value(exchangeId, attemptId) {
      const sig = tag(exchangeId, attemptId ?? null).toString('base64url');
      return attemptId === undefined ? `${exchangeId}; sig=${sig}` : `${exchangeId}; attempt=${attemptId}; sig=${sig}`;
    },
    read(headers) {
      const raw = first(headers[exchangeHeader]);
      const shadowValue = first(headers[shadowHeader]);
      // Present with any value but an explicit 0/false — an empty one included — marks shadow
      // traffic: failing safe means answering from recordings, never reaching a tool.
      const shadow = shadowValue !== undefined && !/^\s*(0|false)\s*$/i.test(shadowValue);
      if (raw === undefined) return { verified: true, correlation: { exchangeId: null, attemptId: null, shadow } };
      const [head = '', ...params] = raw.split(';');
      const exchangeId = head.trim();
      const attemptId = param(params, 'attempt');
      const sig = param(params, 'sig');
      if (!idPattern.test(exchangeId) || (attemptId !== null && !idPattern.test(attemptId)))
        return { verified: false, reason: `${exchangeHeader} is malformed` };
      if (sig === null) return { verified: false, reason: `${exchangeHeader} carries no signature (sig=)` };
      const given = Buffer.from(sig, 'base64url');
      const expected = tag(exchangeId, attemptId);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { verified: false, reason: `${exchangeHeader} has a signature this proxy cannot verify` };
      return { verified: true, correlation: { exchangeId, attemptId, shadow } };
    },
  };
}

function param(params: readonly string[], name: string): string | null {
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq !== -1 && p.slice(0, eq).trim().toLowerCase() === name) return p.slice(eq + 1).trim();
  }
  return null;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
