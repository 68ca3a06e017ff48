export { type AccessRole, type AccessToken, accessRoles, accessTokensSchema } from './access-token.js';
export { type Clock, holdEventLoop, ManualClock, systemClock, type TimerHandle } from './clock.js';
export { configEnv, type LoadConfigOptions, loadConfig, parseConfig } from './config.js';
export { upstreamUrl } from './config-fields.js';
export {
  type CaptureConfig,
  type CompareConfig,
  type Config,
  type ConfigInput,
  configSchema,
  type EgressConfig,
  type EgressDestinationConfig,
  type EgressPolicy,
  type OtelConfig,
  type RedactionConfig,
  type RetentionConfig,
  type ShadowConfig,
  type TapConfig,
  type UploadsConfig,
} from './config-schema.js';
export { durationPattern, parseDuration } from './duration.js';
export { egressPolicies } from './egress-config-schema.js';
export { type ErrorCode, errorStatus, isUnderstudyError, UnderstudyError } from './errors.js';
export {
  type CapturedBody,
  type Exchange,
  type ExchangeRole,
  emptyBody,
  exchangeRoles,
  type Headers,
  noUsage,
  type SseEvent,
  type Usage,
} from './exchange.js';
export { type ExchangeError, type ExchangeErrorCode, exchangeErrorCodes, toExchangeErrorCode } from './exchange-error.js';
export { createIdGenerator, type IdGenerator } from './ids.js';
export { jsonObjectEnd } from './json-object-end.js';
export { compileJsonPath, type JsonPathSegment, type JsonPathStep, matchesJsonPath, replaceAtPath } from './json-path.js';
export { type Logger, silentLogger } from './logger.js';
export { moduleWorker } from './module-worker.js';
export { parseSse } from './parse-sse.js';
export { type Random, seededRandom, systemRandom } from './random.js';
export { RestartBackoff, type RestartBackoffOptions, type RestartBackoffState } from './restart-backoff.js';
export { isSealed, openSealed, seal } from './sealed-body.js';
export { SseParser } from './sse-parser.js';
export { SseScanner } from './sse-scanner.js';
export { stableHash32, stableUnit } from './stable-hash.js';
export { isStickyKey, parseStickyKey, readStickyKey, type StickyKeySpec } from './sticky-key.js';
export { upstreamUrlProblem } from './upstream-url.js';
export { urlForLog } from './url-for-log.js';
export { isValidVersionName, sameVersion, type Version } from './version.js';
export { capYoungGeneration, proxySemiSpaceMb, youngGenerationSetByFlag } from './young-generation-cap.js';
