import { z } from 'zod';
import { accessTokensSchema } from './access-token.js';
import { compareSchema } from './compare-config-schema.js';
import { httpUrl, ms, port, upstreamUrl } from './config-fields.js';
import { durationPattern } from './duration.js';
import { type egressPolicies, egressSchema } from './egress-config-schema.js';
import { tapSchema } from './tap-config-schema.js';
import { isValidVersionName } from './version.js';

const versionSchema = z.strictObject({
  name: z.string().refine(isValidVersionName, 'a version name: letters, digits, ".", "_" or "-"'),
  upstream: upstreamUrl,
  headers: z.record(z.string(), z.string()).default({}),
});

const controlSchema = z.strictObject({
  port: port.default(8081),
  /** Defaults to loopback when no admin token is configured. */
  host: z.string().optional(),
  /** The dashboard's public base URL, for links in reports (`replay --markdown`). */
  dashboardUrl: httpUrl.optional(),
  /** Named tokens with a role (`read` or `operate`); `adminToken` adds an `operate` token named `admin`. */
  tokens: accessTokensSchema.default([]),
});

/**
 * OpenTelemetry export (opt-in): one GenAI span per stored exchange, tool calls, comparisons and
 * canary transitions, sent over OTLP/HTTP in batches off the request path. The standard
 * `OTEL_EXPORTER_OTLP_*` variables turn it on and override endpoint and headers.
 */
const otelSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** OTLP/HTTP traces URL (`…/v1/traces`); default `http://localhost:4318/v1/traces`. */
  endpoint: httpUrl.optional(),
  headers: z.record(z.string(), z.string()).default({}),
  serviceName: z.string().min(1).default('understudy'),
  /** Put (already redacted) message content on spans as `gen_ai.input.messages` / `gen_ai.output.messages`. */
  captureContent: z.boolean().default(false),
  /** Spans waiting for the collector; past it they are dropped (counted). */
  queueSize: z.number().int().positive().default(2048),
  batchSize: z.number().int().positive().default(512),
  exportTimeoutMs: ms.default(10_000),
  /** How often the store is read for new exchanges, comparisons and canary events. */
  pollMs: ms.default(1_000),
});

/** Retention, applied by the canary controller's process (`understudy start`, `understudy canary run`). */
const retentionSchema = z.strictObject({
  /** Exchanges older than this are pruned (`30d`, `12h`); no pruning when unset. */
  maxAge: z.string().regex(durationPattern, 'a duration like 30d, 12h or 90m').optional(),
  /** How often the policy runs. */
  intervalMs: ms.default(3_600_000),
  /** Exchanges deleted per transaction. */
  batchSize: z.number().int().positive().default(500),
});

export const configSchema = z.strictObject({
  compare: compareSchema.prefault({}),
  /** A file path for SQLite or a `postgres://` URL. */
  db: z.string().min(1).default('data/understudy.db'),
  adminToken: z
    .string()
    .min(8)
    // A bearer token travels as one token68 (RFC 9110 §11.6.2): with whitespace it could never sign in.
    .regex(/^\S+$/, 'must not contain whitespace')
    .optional(),
  /** Where generated secrets (the redaction key) live. */
  dataDir: z.string().default('data'),
  versions: z.array(versionSchema).default([]),
  tap: tapSchema.prefault({}),
  control: controlSchema.prefault({}),
  egress: egressSchema.prefault({}),
  otel: otelSchema.prefault({}),
  retention: retentionSchema.prefault({}),
});

/** The validated, defaulted configuration. */
export type Config = z.infer<typeof configSchema>;
/** What a user may write in `understudy.config.json`. */
export type ConfigInput = z.input<typeof configSchema>;
export type CaptureConfig = Config['tap']['capture'];
export type RedactionConfig = Config['tap']['redaction'];
export type TapConfig = Config['tap'];
export type UploadsConfig = Config['tap']['uploads'];
export type ShadowConfig = Config['tap']['shadow'];
export type RetentionConfig = Config['retention'];
export type CompareConfig = Config['compare'];
export type EgressConfig = Config['egress'];
export type EgressDestinationConfig = Config['egress']['destinations'][number];
export type EgressPolicy = (typeof egressPolicies)[number];
export type OtelConfig = Config['otel'];
