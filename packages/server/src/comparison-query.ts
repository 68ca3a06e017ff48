import { categoryNames } from '@understudy/compare';
import { comparisonSources } from '@understudy/store';
import { z } from 'zod/v4';
import { timeParam } from './exchange-query.js';
import { parseQuery } from './parse-query.js';

const id = (what: string) =>
  z
    .string()
    .regex(/^[0-9A-Za-z]{1,32}$/, `expected ${what}`)
    .optional();

const querySchema = z.strictObject({
  source: z.enum(comparisonSources).optional(),
  verdict: z.enum(['match', 'noise', 'regression', 'error']).optional(),
  /** A report category that diverges; `fact` and user categories are accepted alongside the built-in ones. */
  category: z
    .string()
    .regex(/^[a-z_]{1,32}$/, `expected a category such as ${categoryNames.join(', ')} or fact`)
    .optional(),
  run: id('a replay run id'),
  canary: id('a canary id'),
  version: z.string().min(1).max(64).optional(),
  path: z.string().min(1).max(2048).optional(),
  since: timeParam.optional(),
  until: timeParam.optional(),
  limit: z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(1).max(500)).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected a nextCursor from a previous page')
    .optional(),
});

export type ComparisonQuery = z.output<typeof querySchema>;

/** Validates `GET /api/comparisons` (and the dashboard's list) query parameters. */
export function parseComparisonQuery(query: Record<string, string>): ComparisonQuery {
  return parseQuery(querySchema, query);
}
