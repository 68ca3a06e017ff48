import { canaryStates } from '@understudy/canary';
import { z } from 'zod/v4';

/** `GET /api/canaries?state=running,paused`: states from the canary's state set, comma-separated. */
export const canaryListQuery = z.strictObject({
  state: z
    .string()
    .refine(
      (text) => text.split(',').every((s) => (canaryStates as readonly string[]).includes(s)),
      `expected states among ${canaryStates.join(', ')}, comma-separated`,
    )
    .optional(),
});

/** `GET /api/canaries/:id/events?after=SEQ`: the ledger after a sequence number. */
export const canaryEventsQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'expected a sequence number')
    .transform(Number)
    .optional(),
});
