import { exchangeRoles } from '@understudy/core';
import type { ExchangeFilter } from '@understudy/store';
import { z } from 'zod/v4';
import { definedEntries, parseQuery } from './parse-query.js';

/** `2026-05-01T12:00:00Z`, `2026-05-01`, or epoch milliseconds `1777636800000`. */
export function parseTime(text: string): number | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const date = /^(\d{4})-(\d{2})-(\d{2})([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (date === null) return undefined;
  // `Date.parse` rolls a day past the month's end over (`2026-02-30` is March 2nd): not a date.
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** What an exchange page's `nextCursor` says: the last id it gave, marked, so that no other text reads as a cursor. */
const cursorMark = 'exchanges-before:';

/** The `nextCursor` of a page of exchanges that ended at `id` (opaque to clients). */
export function exchangeCursor(id: string): string {
  return Buffer.from(`${cursorMark}${id}`).toString('base64url');
}

/** The id an {@link exchangeCursor} stands for, or undefined when the text is no such cursor. */
function cursorId(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(cursorMark) ? text.slice(cursorMark.length) : '';
  return /^[0-9A-Za-z]{1,32}$/.test(id) && exchangeCursor(id) === cursor ? id : undefined;
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
    .transform((text, ctx) => {
      const id = cursorId(text);
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: 'expected the nextCursor of a previous page' });
        return z.NEVER;
      }
      return id;
    })
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
