export { type Attributes, type AttributeValue, exchangeSpanFacts } from './genai-attributes.js';
export { createOtelExporter, type OtelExporter, type OtelExporterDeps } from './otel-exporter.js';
export { type OtelSettings, otelSettings } from './otel-settings.js';
export { PresetIdGenerator, spanIds } from './span-ids.js';
export { createSpanPipeline, type SpanPipeline, type SpanPipelineOptions, type SpanPipelineStats } from './span-pipeline.js';
export { type CanaryEventFacts, type ComparisonFacts, TelemetrySpans } from './telemetry-spans.js';
