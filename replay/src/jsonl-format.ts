import { type Exchange, exchangeRoles, toExchangeErrorCode, UnderstudyError } from '@understudy/core';
import { z } from 'zod/v4';

const body = z.strictObject({ base64: z.string(), size: z.number().int().nonnegative(), truncated: z.boolean() });
const headers = z.record(z.string(), z.string());
const nullableNumber = z.number().nullable();

/** One exchange per line; bodies in base64 so any bytes survive. */
const lineSchema = z.strictObject({
  id: z.string().min(1).max(32),
  startedAt: z.number(),
  method: z.string().min(1).max(16),
  path: z.string().startsWith('/'),
  query: z.string(),
  requestHeaders: headers,
  requestBody: body,
  status: z.number().int().min(100).max(599).nullable(),
  responseHeaders: headers,
  responseBody: body,
  streamed: z.boolean(),
  sseEvents: z
    .array(z.strictObject({ at: z.number(), event: z.string().optional(), id: z.string().optional(), data: z.string() }))
    .nullable(),
  ttfbMs: nullableNumber,
  durationMs: nullableNumber,
  version: z.string().min(1).max(64),
  role: z.enum(exchangeRoles),
  parentId: z.string().max(32).nullable(),
  usage: z.strictObject({ inputTokens: nullableNumber, outputTokens: nullableNumber, costUsd: nullableNumber }),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});

/** An exchange as one JSONL line (no trailing newline), keys in a fixed order. */
export function exchangeToJsonLine(e: Exchange): string {
  return JSON.stringify({
    id: e.id,
    startedAt: e.startedAt,
    method: e.method,
    path: e.path,
    query: e.query,
    requestHeaders: e.requestHeaders,
    requestBody: {
      base64: Buffer.from(e.requestBody.bytes).toString('base64'),
      size: e.requestBody.size,
      truncated: e.requestBody.truncated,
    },
    status: e.status,
    responseHeaders: e.responseHeaders,
    responseBody: {
      base64: Buffer.from(e.responseBody.bytes).toString('base64'),
      size: e.responseBody.size,
      truncated: e.responseBody.truncated,
    },
    streamed: e.streamed,
    sseEvents: e.sseEvents,
    ttfbMs: e.ttfbMs,
    durationMs: e.durationMs,
    version: e.version,
    role: e.role,
    parentId: e.parentId,
    usage: e.usage,
    error: e.error,
  });
}

/** Parses one JSONL line; a bad line is an `invalid_input` error naming its number and field. */
export function parseJsonLine(line: string, lineNumber: number): Exchange {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new UnderstudyError('invalid_input', `line ${lineNumber}: not JSON (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
  const result = lineSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new UnderstudyError('invalid_input', `line ${lineNumber}: invalid exchange${where}: ${issue?.message ?? 'invalid'}`);
  }
  const d = result.data;
  return {
    ...d,
    // Older files and foreign tools carry socket codes (`ECONNREFUSED`): mapped onto the closed set.
    error: d.error === null ? null : { code: toExchangeErrorCode(d.error.code), message: d.error.message },
    requestBody: {
      bytes: new Uint8Array(Buffer.from(d.requestBody.base64, 'base64')),
      size: d.requestBody.size,
      truncated: d.requestBody.truncated,
    },
    responseBody: {
      bytes: new Uint8Array(Buffer.from(d.responseBody.base64, 'base64')),
      size: d.responseBody.size,
      truncated: d.responseBody.truncated,
    },
    sseEvents:
      d.sseEvents === null
        ? null
        : d.sseEvents.map((s) => ({
            at: s.at,
            ...(s.event === undefined ? {} : { event: s.event }),
            ...(s.id === undefined ? {} : { id: s.id }),
            data: s.data,
          })),
  };
}
