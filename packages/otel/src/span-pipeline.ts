import type { Tracer } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { Random } from '@understudy/core';
import { PresetIdGenerator } from './span-ids.js';

/** Where and how spans go: an OTLP/HTTP (protobuf) endpoint, with bounds. */
export interface SpanPipelineOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly serviceName: string;
  /** Spans accepted but not yet exported; past it new spans are dropped and counted. */
  readonly queueSize: number;
  readonly batchSize: number;
  readonly exportTimeoutMs: number;
  /** How long a batch may wait before it is sent anyway. */
  readonly scheduledDelayMs?: number;
  readonly random: Random;
  /** For tests: an exporter instead of OTLP/HTTP. */
  readonly exporter?: SpanExporter;
}

/** Counts since the pipeline started. */
export interface SpanPipelineStats {
  readonly exported: number;
  /** Refused at the queue bound, or lost in an export that failed (collector slow or down). */
  readonly dropped: number;
  /** Accepted and not yet exported. */
  readonly pending: number;
}

export interface SpanPipeline {
  readonly tracer: Tracer;
  readonly ids: PresetIdGenerator;
  stats(): SpanPipelineStats;
  /** Exports what is queued (bounded by the export timeout); a failed export is counted, not thrown. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The official SDK's tracer with a BatchSpanProcessor and the OTLP/HTTP protobuf exporter, with
 * the two bounds the SDK does not count for us: spans past `queueSize` are dropped at once (never
 * queued without limit), and spans of a failed export are counted as dropped. Nothing here runs
 * on a request: the exporter reads the store, and the processor sends from its own timer.
 */
export function createSpanPipeline(o: SpanPipelineOptions): SpanPipeline {
  let exported = 0;
  let dropped = 0;
  let pending = 0;
  const inner: SpanExporter =
    o.exporter ?? new OTLPTraceExporter({ url: o.url, headers: { ...o.headers }, timeoutMillis: o.exportTimeoutMs });
  const counting: SpanExporter = {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
      inner.export(spans, (result) => {
        pending = Math.max(0, pending - spans.length);
        if (result.code === ExportResultCode.SUCCESS) exported += spans.length;
        else dropped += spans.length;
        done(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
  const batch = new BatchSpanProcessor(counting, {
    maxQueueSize: o.queueSize,
    maxExportBatchSize: Math.min(o.batchSize, o.queueSize),
    scheduledDelayMillis: o.scheduledDelayMs ?? 1_000,
    exportTimeoutMillis: o.exportTimeoutMs,
  });
  const bounded: SpanProcessor = {
    onStart: (span: Span, context) => batch.onStart(span, context),
    onEnd(span: ReadableSpan): void {
      if (pending >= o.queueSize) {
        dropped++;
        return;
      }
      pending++;
      batch.onEnd(span);
    },
    forceFlush: () => batch.forceFlush(),
    shutdown: () => batch.shutdown(),
  };
  const ids = new PresetIdGenerator(o.random);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': o.serviceName }),
    idGenerator: ids,
    spanProcessors: [bounded],
  });
  return {
    tracer: provider.getTracer('understudy'),
    ids,
    stats: () => ({ exported, dropped, pending }),
    // A failed export is already counted as dropped; flushing and shutting down never throw for it.
    flush: () => provider.forceFlush().catch(() => undefined),
    shutdown: () => provider.shutdown().catch(() => undefined),
  };
}
