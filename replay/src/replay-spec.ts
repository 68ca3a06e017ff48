import { UnderstudyError } from '@understudy/core';
import { z } from 'zod/v4';

const positiveInt = z.number().int().positive();

const selectionSchema = z.strictObject({
  /** Epoch ms, inclusive. */
  since: z.number().int().nonnegative().optional(),
  /** Epoch ms, exclusive; a new run defaults it to its creation time, so a resume sees the same rows. */
  until: z.number().int().nonnegative().optional(),
  /** Exact path or a `*` glob. */
  path: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  /** `200` or a class like `2xx`. */
  status: z
    .string()
    .regex(/^([1-5]\d\d|[1-5]xx)$/i, 'a status like 200 or a class like 2xx')
    .optional(),
  /** The version that served the original exchange. */
  version: z.string().min(1).optional(),
  /**
   * Without `version`, originals a canary's candidate served while its canary lived are left
   * out (they are the candidate's answers, not production's); true keeps them.
   */
  includeCanary: z.boolean().default(false),
  limit: positiveInt.optional(),
  /** Share of matching exchanges kept, decided per exchange id with `seed` (stable on resume). */
  sample: z.number().gt(0).max(1).default(1),
  seed: z.number().int().default(0),
});

const thresholdsSchema = z.strictObject({
  /** Mean divergence over noise (0..1) across compared items. */
  maxDivergence: z.number().min(0).max(1).optional(),
  /** Regressions beyond noise, a plain count (grows with the run's size: prefer `maxRegressionRate`). */
  maxRegressions: z.number().int().nonnegative().optional(),
  /** Regressions beyond noise as a share (0..1) of the judged items (match, noise, regression). */
  maxRegressionRate: z.number().min(0).max(1).optional(),
  /** Fewest judged items for the run to pass at all: a verdict over three items is no verdict. */
  minJudged: positiveInt.optional(),
  /** Share of items that got no response (after retries). */
  maxErrorRate: z.number().min(0).max(1).optional(),
});

/** What a replay run does, as `POST /api/replays` and `understudy replay` accept it. */
export const replaySpecSchema = z
  .strictObject({
    /** A version name from the store, or an http(s) URL. */
    target: z.string().min(1),
    baseline: z.string().min(1).nullable().default(null),
    selection: selectionSchema.prefault({}),
    concurrency: positiveInt.max(1024).default(16),
    /** Requests per second across the run. */
    rate: z.number().positive().nullable().default(null),
    /** Keep the original inter-arrival gaps, divided by this factor (2 = twice as fast). */
    speed: z.number().positive().nullable().default(null),
    timeoutMs: positiveInt.default(30_000),
    retries: z.number().int().min(0).max(10).default(3),
    backoffMs: positiveInt.default(100),
    maxBackoffMs: positiveInt.default(10_000),
    /** Items without a response after which the run aborts; null = never. */
    errorBudget: z.number().int().nonnegative().nullable().default(null),
    /** Response bytes kept per replayed exchange. */
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    thresholds: thresholdsSchema.prefault({}),
    /**
     * With a baseline: the smallest share of replayed items whose baseline answered (a pair for
     * the noise floor). Below it the run fails, unless `allowMissingBaseline`.
     */
    minBaselineShare: z.number().min(0).max(1).default(0.8),
    allowMissingBaseline: z.boolean().default(false),
    /** Replay captures that cannot be replayed faithfully (see `unreplayableReason`) instead of skipping them. */
    includeUnreplayable: z.boolean().default(false),
  })
  .refine((s) => s.rate === null || s.speed === null, { message: 'rate and speed exclude each other', path: ['speed'] });

export type ReplaySpec = z.infer<typeof replaySpecSchema>;
export type ReplaySpecInput = z.input<typeof replaySpecSchema>;
export type ReplaySelection = ReplaySpec['selection'];
export type ReplayThresholds = ReplaySpec['thresholds'];

/** Validates a spec; a bad one is an `invalid_input` error naming the offending key path. */
export function parseReplaySpec(input: unknown): ReplaySpec {
  const result = replaySpecSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'spec' : issue.path.join('.');
  const message = issue?.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
  throw new UnderstudyError('invalid_input', `${where}: ${message}`, { details: { path: where } });
}
