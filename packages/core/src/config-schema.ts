import { z } from 'zod';
import { accessTokensSchema } from './access-token.js';
import { durationPattern } from './duration.js';
import { compileJsonPath } from './json-path.js';
import { isStickyKey } from './sticky-key.js';
import { isValidVersionName } from './version.js';

/** A JSON path in the one dialect (`compileJsonPath`): checked when the config loads. */
const jsonPath = z.string().refine(
  (p) => {
    try {
      compileJsonPath(p);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a JSON path such as $.user.email, $.items[*].id or $..token' },
);

const port = z.number().int().min(0).max(65535);
const ms = z.number().int().positive();
const httpUrl = z.url({ protocol: /^https?$/ });

const versionSchema = z.strictObject({
  name: z.string().refine(isValidVersionName, 'a version name: letters, digits, ".", "_" or "-"'),
  upstream: httpUrl,
  headers: z.record(z.string(), z.string()).default({}),
});

const captureSchema = z.strictObject({
  /** Share of requests captured, 0..1. */
  rate: z.number().min(0).max(1).default(1),
  /** Per-body cap; past it the stored copy is truncated and flagged. */
  maxBodyBytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024),
  /** Only these methods are captured (all when empty). */
  methods: z.array(z.string().toUpperCase()).default([]),
  /** Only paths matching one of these globs are captured (all when empty). */
  paths: z.array(z.string()).default([]),
  /** Paths matching one of these globs are never captured. */
  excludePaths: z.array(z.string()).default([]),
  queueSize: z.number().int().positive().default(20_000),
  /** Bytes of captured bodies the queue may hold; past it captures are dropped (counted). */
  queueMaxBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  batchSize: z.number().int().positive().default(500),
  flushIntervalMs: ms.default(50),
  /**
   * Bytes all captures still in flight (long streams) may hold together; past it a capture keeps
   * no more (its copy is cut and flagged, counted), so memory does not grow with stream sizes.
   */
  inFlightMaxBytes: z
    .number()
    .int()
    .positive()
    .default(128 * 1024 * 1024),
});

const redactionSchema = z.strictObject({
  /** Header names redacted on top of the default list. */
  headers: z.array(z.string().toLowerCase()).default([]),
  /** JSON paths in request and response bodies, e.g. `$.user.email` or `$.messages[*].name`. */
  jsonPaths: z.array(jsonPath).default([]),
  /** Extra regexes applied to body text. */
  patterns: z.array(z.strictObject({ name: z.string().min(1), regex: z.string().min(1) })).default([]),
  /** Email, card number and bearer token patterns on bodies. */
  builtinPatterns: z.boolean().default(true),
  /** Secret for the keyed hash behind placeholders; generated into `data/` when absent. */
  key: z.string().min(16).optional(),
});

const timeoutsSchema = z.strictObject({
  connectMs: ms.default(5_000),
  headersMs: ms.default(60_000),
  bodyMs: ms.default(300_000),
});

/** The tap's own timeouts on its clients, on top of the upstream ones. */
const tapTimeoutsSchema = timeoutsSchema.extend({
  /** A request head not complete within this is answered 408 and closed (slowloris). */
  clientHeadersMs: ms.default(10_000),
  /** A request body with no byte for this long is answered 408 (or cut, once streaming) and closed. */
  clientBodyIdleMs: ms.default(10_000),
});

/**
 * Request bodies. A body up to `bufferBytes` is read whole before an upstream connection is
 * taken, so slow uploaders hold tap memory (bounded) and never the upstream pool; larger and
 * chunked bodies stream, at most `maxStreaming` at once.
 */
const uploadsSchema = z.strictObject({
  bufferBytes: z
    .number()
    .int()
    .min(0)
    .default(1024 * 1024),
  /** Bytes all buffering uploads may hold together; past it new uploads get 503. */
  maxBufferedBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** Uploads streaming to the upstream at once (each holds a pool connection); past it 503. Default: a quarter of `connections` when set, else 1 024. */
  maxStreaming: z.number().int().positive().optional(),
  /** The largest request body forwarded; past it 413. */
  maxRequestBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});

const shadowSchema = z.strictObject({
  /** The candidate version shadow copies go to (a name from `versions` or the store); off when absent. */
  version: z.string().optional(),
  /** Share of sessions (or requests, without a key) mirrored, 0..1. */
  rate: z.number().min(0).max(1).default(0),
  /** Sticky key: `header:NAME`, `cookie:NAME` or `json:$.path`, so a whole conversation is shadowed or none of it. */
  key: z.string().refine(isStickyKey, 'expected header:NAME, cookie:NAME or json:$.path').optional(),
  /** Shadow requests in flight at once. */
  concurrency: z.number().int().positive().default(16),
  /** Shadow requests waiting; past it they are dropped (counted). */
  queueSize: z.number().int().positive().default(1000),
  timeoutMs: ms.default(30_000),
});

const tapSchema = z.strictObject({
  port: port.default(8080),
  host: z.string().default('0.0.0.0'),
  /** The version this tap forwards to; it must name an entry of `versions`. */
  version: z.string().default('stable'),
  /**
   * Requests in flight to one version at most. Unset (the default), the tap opens a connection
   * per concurrent request with no limit, as thousands of long streams need; set, a request past
   * the cap is answered 503 `upstream_saturated` at once, never queued behind the others.
   */
  connections: z.number().int().positive().optional(),
  timeouts: tapTimeoutsSchema.prefault({}),
  uploads: uploadsSchema.prefault({}),
  capture: captureSchema.prefault({}),
  redaction: redactionSchema.prefault({}),
  /**
   * USD per million tokens by model name (or name prefix), on top of the tap's default table;
   * a model found in neither gets `costUsd: null`.
   */
  pricing: z.record(z.string(), z.strictObject({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) })).default({}),
  /** Live shadow mirroring of a sticky sample of requests to a candidate version. */
  shadow: shadowSchema.prefault({}),
  /**
   * How often the tap reads its route's routing as the fallback for a missed push: a change is
   * applied at once when written in this process, and over LISTEN/NOTIFY on PostgreSQL.
   */
  routingPollMs: ms.default(250),
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

/** The divergence engine (`packages/compare`); margins are explained in docs/benchmarks.md. */
const compareSchema = z.strictObject({
  /** Ignore paths per endpoint glob: `{ "endpoint": "POST /v1/agent/*", "paths": ["$.trace_id"] }`. */
  ignore: z.array(z.strictObject({ endpoint: z.string().min(1), paths: z.array(jsonPath) })).default([]),
  /** Relative tolerance for numbers in bodies and tool arguments (0.01 = 1 %). */
  numericTolerance: z.number().min(0).max(1).default(0),
  noise: z
    .strictObject({
      /** Per pair: a field difference is noise when production differs there in ≥ this share of baseline pairs. */
      fieldNoiseRate: z.number().min(0).max(1).default(0.02),
      minBaselinePairs: z.number().int().min(1).default(10),
      /** Text is a regression below this quantile of production's similarity, minus `textMargin`. */
      textQuantile: z.number().min(0).max(0.5).default(0.02),
      textMargin: z.number().min(0).max(1).default(0.05),
      lengthMargin: z.number().min(0).max(1).default(0.1),
      /** Text prior (docs/benchmarks.md): its weight in baseline pairs, and its similarity and length-ratio bars. */
      textPriorPairs: z.number().min(0).default(20),
      textPriorSimilarity: z.number().min(0).max(1).default(0.1),
      textPriorLengthRatio: z.number().min(0).max(1).default(0.25),
      /** Per-field aggregate test over a run: candidate rate > noise rate × (1 + relative) + absolute. */
      aggregate: z
        .strictObject({
          relative: z.number().min(0).default(0.25),
          absolute: z.number().min(0).max(1).default(0.02),
          minPairs: z.number().int().min(1).default(20),
        })
        .prefault({}),
    })
    .prefault({}),
  limits: z
    .strictObject({
      /** Largest |a|·|b| word product run as a word LCS; past it lines, then the bag measure only. */
      maxLcsCells: z.number().int().positive().default(16_000_000),
      /** Edit budget of the display diff. */
      maxEditLength: z.number().int().positive().default(400),
      maxDifferencesPerCategory: z.number().int().positive().default(50),
    })
    .prefault({}),
  /** Path of a module exporting `compare(candidate, original, context)` (e.g. an LLM judge). */
  extension: z.string().min(1).optional(),
  /**
   * The optional LLM judge: any OpenAI-compatible chat endpoint, asked per compared pair for a
   * structured verdict wherever a process compares (`understudy diff`, `understudy replay`, replays
   * started over the API, the live shadow's comparisons). Off unless set; one judge per process,
   * whose cache and bounds span every comparison in it.
   */
  judge: z
    .strictObject({
      /** Base URL up to the API version: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
      url: httpUrl,
      model: z.string().min(1),
      /** Environment variable holding the bearer key (never in the file). */
      apiKeyEnv: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .default('UNDERSTUDY_JUDGE_API_KEY'),
      /** Per call: the whole call, from the request to the answer's last byte (a trickling answer is cut too). */
      timeoutMs: z.number().int().positive().default(30_000),
      /** Model calls per process; past it pairs are reported as not judged. */
      maxCalls: z.number().int().positive().default(200),
      concurrency: z.number().int().positive().max(64).default(4),
      /** Prompt characters per process (a budget in what every model bills by, ≈ ×¼ tokens). */
      maxPromptChars: z.number().int().positive().default(2_000_000),
    })
    .optional(),
});

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
const egressSchema = z.strictObject({
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
