import { exchangeRoles, UnderstudyError } from '@understudy/core';
import type { ExchangeFilter } from '@understudy/store';
import { z } from 'zod/v4';

/** `2026-05-01T12:00:00Z`, `2026-05-01`, or epoch milliseconds `1777636800000`. */
export function parseTime(text: string): number | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

const time = z.string().transform((text, ctx) => {
  const ms = parseTime(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 time or epoch milliseconds' });
    return z.NEVER;
  }
  return ms;
});

const querySchema = z.strictObject({
  since: time.optional(),
  until: time.optional(),
  path: z.string().min(1).max(2048).optional(),
  status: z
    .string()
    .regex(/^[1-5](\d\d|xx)$/i, 'expected a code like 200 or a class like 5xx')
    .optional(),
  version: z.string().min(1).max(64).optional(),
  role: z.enum(exchangeRoles).optional(),
  method: z
    .string()
    .regex(/^[A-Za-z]{1,16}$/, 'expected an HTTP method')
    .optional(),
  limit: z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(1).max(1000)).optional(),
  cursor: z
    .string()
    .regex(/^[0-9A-Za-z]{1,32}$/, 'expected a nextCursor from a previous page')
    .optional(),
});

export interface ExchangeQuery {
  readonly filter: ExchangeFilter;
  readonly page: { limit?: number; cursor?: string };
}

/** Validates `GET /api/exchanges` query parameters; a bad one fails naming the parameter. */
export function parseExchangeQuery(query: Record<string, string>): ExchangeQuery {
  const result = querySchema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown filter ${issue.keys.map((k) => `"${k}"`).join(', ')}; known filters: ${Object.keys(querySchema.shape).join(', ')}`
        : `invalid filter "${String(issue?.path[0] ?? '?')}": ${issue?.message ?? 'invalid'}`;
    throw new UnderstudyError('invalid_input', message);
  }
  const { limit, cursor, ...rest } = result.data;
  const filter: ExchangeFilter = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(filter, { [key]: value });
  const page: { limit?: number; cursor?: string } = {};
  if (limit !== undefined) page.limit = limit;
  if (cursor !== undefined) page.cursor = cursor;
  return { filter, page };
}
