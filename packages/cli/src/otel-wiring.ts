import { type Clock, type Config, type Logger, systemRandom, UnderstudyError } from '@understudy/core';
import { createOtelExporter, createSpanPipeline, type OtelExporter, otelSettings } from '@understudy/otel';
import type { Store } from '@understudy/store';
import { Counter, Gauge, type Registry } from 'prom-client';
import { UsageError } from './cli-io.js';
import type { ShutdownStack } from './shutdown-stack.js';

/**
 * Starts the OpenTelemetry export when the `otel` section or the `OTEL_EXPORTER_OTLP_*`
 * variables ask for it: a store-tailing exporter in this process (never on the tap's request
 * path), its figures in `/metrics`. Returns `undefined` when export is off.
 */
export function startOtelExport(deps: {
  config: Config;
  env: Readonly<Record<string, string | undefined>>;
  store: Store;
  clock: Clock;
  logger: Logger;
  stack: ShutdownStack;
  registry?: Registry;
}): OtelExporter | undefined {
  let settings: ReturnType<typeof otelSettings>;
  try {
    settings = otelSettings(deps.config.otel, deps.env);
  } catch (error) {
    if (error instanceof UnderstudyError) throw new UsageError(error.message);
    throw error;
  }
  if (settings === undefined) return undefined;
  const pipeline = createSpanPipeline({ ...settings, random: systemRandom });
  const exporter = createOtelExporter({
    store: deps.store,
    pipeline,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'otel' }),
    captureContent: settings.captureContent,
    pollMs: settings.pollMs,
  });
  if (deps.registry !== undefined) registerOtelMetrics(deps.registry, exporter);
  exporter.start();
  deps.stack.defer('stop otel export', () => exporter.stop());
  deps.logger.info({ endpoint: settings.url, captureContent: settings.captureContent }, 'exporting OpenTelemetry spans');
  return exporter;
}

function registerOtelMetrics(registry: Registry, exporter: OtelExporter): void {
  new Counter({
    name: 'understudy_otel_spans_exported_total',
    help: 'Spans the OTLP collector accepted.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(exporter.stats().exported);
    },
  });
  new Counter({
    name: 'understudy_otel_spans_dropped_total',
    help: 'Spans dropped: past the export queue bound, or lost in a failed export (collector slow or down).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(exporter.stats().dropped);
    },
  });
  new Gauge({
    name: 'understudy_otel_queue_depth',
    help: 'Spans waiting for the OTLP collector.',
    registers: [registry],
    collect() {
      this.set(exporter.stats().pending);
    },
  });
}
