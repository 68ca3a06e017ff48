import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { otelSettings } from './otel-settings.js';

const otel = (section: Record<string, unknown> = {}) => parseConfig({ otel: section }).otel;

describe('otelSettings', () => {
  it('is off unless the config or an OTLP endpoint variable turns it on', () => {
    expect(otelSettings(otel(), {})).toBeUndefined();
    expect(otelSettings(otel({ enabled: true }), {})?.url).toBe('http://localhost:4318/v1/traces');
    expect(otelSettings(otel(), { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.url).toBe('http://collector:4318/v1/traces');
    expect(otelSettings(otel({ enabled: true }), { OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });

  it('lets the standard variables override the config section', () => {
    const s = otelSettings(otel({ enabled: true, endpoint: 'http://a:4318/v1/traces', headers: { 'x-a': '1' }, serviceName: 'cfg' }), {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b.example/otlp/v1/traces',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Basic%20abc, x-b = 2',
      OTEL_EXPORTER_OTLP_TIMEOUT: '2500',
      OTEL_SERVICE_NAME: 'env',
    });
    expect(s).toMatchObject({
      url: 'https://b.example/otlp/v1/traces',
      headers: { 'x-a': '1', authorization: 'Basic abc', 'x-b': '2' },
      serviceName: 'env',
      exportTimeoutMs: 2500,
      captureContent: false,
    });
  });

  it('names a bad variable', () => {
    expect(() => otelSettings(otel(), { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_HEADERS: 'novalue' })).toThrow(
      /OTEL_EXPORTER_OTLP_HEADERS/,
    );
    expect(() => otelSettings(otel(), { OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://c:4317' })).toThrow(/otel endpoint must be an http\(s\) URL/);
  });
});
