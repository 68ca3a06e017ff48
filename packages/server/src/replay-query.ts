import { z } from 'zod/v4';

const limit = (max: number) =>
  z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(1).max(max)).optional();

/** `GET /api/replays`: how many runs, newest first. */
export const replayListQuery = z.strictObject({ limit: limit(1000) });

/** `GET /api/replays/:id/comparisons`: a verdict to keep, and paging by the results' sequence numbers. */
export const replayResultsQuery = z.strictObject({
  verdict: z.enum(['match', 'noise', 'regression', 'error']).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'expected the nextCursor of a previous page')
    .transform(Number)
    .optional(),
  limit: limit(500),
});
