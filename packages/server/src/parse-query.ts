import { UnderstudyError } from '@understudy/core';
import type { Context } from 'hono';
import { z } from 'zod/v4';

/** The query of a route that reads none: any parameter is refused, not ignored. */
export const noQuery = z.strictObject({});

/**
 * The request's query, one value per name. A name given twice is refused (`invalid_input`):
 * which one was meant is a guess, and answering for the first would hide the mistake.
 */
export function queryParams(c: Context): Record<string, string> {
  for (const [name, values] of Object.entries(c.req.queries()))
    if (values.length > 1) throw new UnderstudyError('invalid_input', `filter "${name}" is given ${values.length} times; give it once`);
  return c.req.query();
}

/**
 * Validates query parameters with a strict zod object; a bad or unknown parameter fails with
 * `invalid_input` naming it: `invalid filter "since": expected …` / `unknown filter "colour"`.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: Record<string, string>): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const known = Object.keys(schema.shape);
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown filter ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${known.length === 0 ? 'this path takes no query parameters' : `known filters: ${known.join(', ')}`}`
      : `invalid filter "${String(issue?.path[0] ?? '?')}": ${issue?.message ?? 'invalid'}`;
  throw new UnderstudyError('invalid_input', message);
}

/** Copies the defined entries only (so `exactOptionalPropertyTypes`-style filters stay clean). */
export function definedEntries<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
