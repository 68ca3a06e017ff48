import { UnderstudyError } from '@understudy/core';
import type { z } from 'zod/v4';

/**
 * Validates query parameters with a strict zod object; a bad or unknown parameter fails with
 * `invalid_input` naming it: `invalid filter "since": expected …` / `unknown filter "colour"`.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: Record<string, string>): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown filter ${issue.keys.map((k) => `"${k}"`).join(', ')}; known filters: ${Object.keys(schema.shape).join(', ')}`
      : `invalid filter "${String(issue?.path[0] ?? '?')}": ${issue?.message ?? 'invalid'}`;
  throw new UnderstudyError('invalid_input', message);
}

/** Copies the defined entries only (so `exactOptionalPropertyTypes`-style filters stay clean). */
export function definedEntries<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
