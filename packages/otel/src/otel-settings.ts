import { type OtelConfig, UnderstudyError } from '@understudy/core';

/** The export's resolved settings; `undefined` from {@link otelSettings} when export is off. */
export interface OtelSettings {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly serviceName: string;
  readonly captureContent: boolean;
  readonly queueSize: number;
  readonly batchSize: number;
  readonly exportTimeoutMs: number;
  readonly pollMs: number;
}

const defaultBase = 'http://localhost:4318';

/** `k1=v1,k2=v2` with percent-encoded values (the OTLP exporter spec's header format). */
function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UnderstudyError('invalid_config', 'OTEL_EXPORTER_OTLP_HEADERS: expected key=value pairs separated by commas');
    out[decodeURIComponent(pair.slice(0, eq).trim())] = decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The `otel` config section with the standard OpenTelemetry variables on top (the environment
 * wins, as the OTLP exporter spec has it): `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is) or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/traces`) turn the export on; `OTEL_EXPORTER_OTLP_HEADERS`
 * / `…_TRACES_HEADERS`, `OTEL_EXPORTER_OTLP_TIMEOUT` / `…_TRACES_TIMEOUT` and `OTEL_SERVICE_NAME`
 * refine it; `OTEL_SDK_DISABLED=true` turns it off.
 */
export function otelSettings(config: OtelConfig, env: Readonly<Record<string, string | undefined>>): OtelSettings | undefined {
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  if (get('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return undefined;
  const tracesUrl = get('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = get('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (!config.enabled && tracesUrl === undefined && base === undefined) return undefined;
  const url = tracesUrl ?? (base === undefined ? (config.endpoint ?? `${defaultBase}/v1/traces`) : `${base.replace(/\/+$/, '')}/v1/traces`);
  if (!/^https?:\/\//.test(url)) throw new UnderstudyError('invalid_config', `otel endpoint must be an http(s) URL, got "${url}"`);
  const timeout = Number(get('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') ?? get('OTEL_EXPORTER_OTLP_TIMEOUT') ?? config.exportTimeoutMs);
  if (!Number.isInteger(timeout) || timeout <= 0)
    throw new UnderstudyError('invalid_config', 'OTEL_EXPORTER_OTLP_TIMEOUT: expected milliseconds');
  return {
    url,
    headers: {
      ...config.headers,
      ...parseHeaders(get('OTEL_EXPORTER_OTLP_HEADERS') ?? ''),
      ...parseHeaders(get('OTEL_EXPORTER_OTLP_TRACES_HEADERS') ?? ''),
    },
    serviceName: get('OTEL_SERVICE_NAME') ?? config.serviceName,
    captureContent: config.captureContent,
    queueSize: config.queueSize,
    batchSize: config.batchSize,
    exportTimeoutMs: timeout,
    pollMs: config.pollMs,
  };
}
