import { exchangeRoles } from '@understudy/core';
import type { ExchangeFilter } from '@understudy/store';
import { z } from 'zod/v4';
import { definedEntries, parseQuery } from './parse-query.js';

/** `2026-05-01T12:00:00Z`, `2026-05-01`, or epoch milliseconds `1777636800000`. */
export function parseTime(text: string): number | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A `since`/`until` query parameter: ISO-8601 or epoch ms, as epoch ms. */
export const timeParam = z.string().transform((text, ctx) => {
  const ms = parseTime(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 time or epoch milliseconds' });
    return z.NEVER;
  }
  return ms;
});

const querySchema = z.strictObject({
  since: timeParam.optional(),
  until: timeParam.optional(),
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
  /** Exchanges made from this one: its shadow copies and replays. */
  parent: z
    .string()
    .regex(/^[0-9A-Za-z]{1,32}$/, 'expected an exchange id')
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
  const { limit, cursor, parent, ...rest } = parseQuery(querySchema, query);
  const filter: ExchangeFilter = { ...definedEntries(rest), ...(parent === undefined ? {} : { parentId: parent }) };
  return { filter, page: definedEntries({ limit, cursor }) };
}
