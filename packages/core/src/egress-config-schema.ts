import { z } from 'zod';
import { httpUrl, port, timeoutsSchema } from './config-fields.js';

/** Policies of an egress destination (issue 5): what a shadow or replay call to it may do. */
export const egressPolicies = ['record', 'passthrough', 'block'] as const;

const egressDestinationSchema = z.strictObject({
  /** The `<name>` in `http://<egress>/d/<name>/<path>`. */
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-" (at most 64)'),
  /** The tool's own base URL; the path after `/d/<name>` is appended to it. */
  baseUrl: httpUrl,
  /** `record`: live forwarded and recorded, shadow answered from the recording; `passthrough`: always forwarded (and recorded); `block`: shadow calls refused. */
  policy: z.enum(egressPolicies).default('record'),
  /** An unmatched shadow read (GET/HEAD/OPTIONS): forwarded to the tool, or refused like a write. */
  unmatchedReads: z.enum(['forward', 'refuse']).default('forward'),
  /** Methods that cannot have side effects here (default GET, HEAD, OPTIONS); every other one is a write. */
  readMethods: z.array(z.string().toUpperCase()).default(['GET', 'HEAD', 'OPTIONS']),
});

/** The egress proxy the agent calls its tools through (`understudy egress`, or started by `understudy start`). */
export const egressSchema = z.strictObject({
  port: port.default(8082),
  host: z.string().default('127.0.0.1'),
  destinations: z.array(egressDestinationSchema).default([]),
  /** Request and response bytes kept per recorded call; a larger request is refused (413). */
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Recorded calls waiting for the store; past it recordings are dropped (counted). */
  queueSize: z.number().int().positive().default(10_000),
  /** Exchanges whose recorded calls are kept in memory for shadows that follow at once. */
  recentExchanges: z.number().int().positive().default(10_000),
  connections: z.number().int().positive().default(64),
  timeouts: timeoutsSchema.prefault({}),
});
