import type { WriterHealth } from '@understudy/store';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The tap's Prometheus metrics, registered once per registry. */
export interface TapMetrics {
  request(version: string, status: number, durationMs: number, ttfbMs: number | null): void;
  written(rows: number): void;
  dropped(rows: number, reason: string): void;
  storeError(): void;
  /** An upload answered by the tap itself (413, 503, 408) or abandoned by its client while buffering. */
  uploadRefused(reason: string): void;
  /** Events of captured streams seen but not stored (past the per-exchange cap or the in-flight budget). */
  sseEventsDropped(events: number): void;
  /** A capture cut short because the in-flight capture budget was spent. */
  cutByBudget(): void;
}

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Registers the tap metrics in `registry`. A second tap on the same registry reuses them
 * (prom-client refuses duplicate names). `queueDepth` is read at scrape time.
 */
export function createTapMetrics(registry: Registry, queueDepth: () => number, lostBeforeStart = 0): TapMetrics {
  const requests = reuse(
    registry,
    'understudy_tap_requests_total',
    (name) =>
      new Counter({
        name,
        help: 'Requests forwarded by the tap, by version and status sent to the client (0: the client left first).',
        labelNames: ['version', 'status'],
        registers: [registry],
      }),
  );
  const latency = reuse(
    registry,
    'understudy_tap_request_duration_seconds',
    (name) =>
      new Histogram({
        name,
        help: 'Time from request start to the end of the response, by version.',
        labelNames: ['version'],
        buckets: latencyBuckets,
        registers: [registry],
      }),
  );
  const ttfb = reuse(
    registry,
    'understudy_tap_ttfb_seconds',
    (name) =>
      new Histogram({
        name,
        help: 'Time from request start to the upstream response headers, by version.',
        labelNames: ['version'],
        buckets: latencyBuckets,
        registers: [registry],
      }),
  );
  reuse(
    registry,
    'understudy_tap_capture_queue_depth',
    (name) =>
      new Gauge({
        name,
        help: 'Exchanges waiting in the capture queue.',
        registers: [registry],
        collect() {
          this.set(queueDepth());
        },
      }),
  );
  reuse(
    registry,
    'understudy_tap_captures_lost_before_start',
    (name) =>
      new Gauge({
        name,
        help: 'Captures that taps killed earlier on this host accepted and never stored, as found when this tap started (capture_runs).',
        registers: [registry],
      }),
  ).set(lostBeforeStart);
  const captured = reuse(
    registry,
    'understudy_tap_captured_total',
    (name) => new Counter({ name, help: 'Exchanges written to the store.', registers: [registry] }),
  );
  const dropped = reuse(
    registry,
    'understudy_tap_capture_dropped_total',
    (name) =>
      new Counter({
        name,
        help: 'Captures dropped, by reason (queue_full, store_error, closed).',
        labelNames: ['reason'],
        registers: [registry],
      }),
  );
  const storeErrors = reuse(
    registry,
    'understudy_tap_store_errors_total',
    (name) => new Counter({ name, help: 'Batch writes the store refused.', registers: [registry] }),
  );

  const uploadsRefused = reuse(
    registry,
    'understudy_tap_uploads_refused_total',
    (name) =>
      new Counter({
        name,
        help: 'Request bodies the tap did not forward, by reason (too_large, buffers_full, streaming_full, idle, aborted).',
        labelNames: ['reason'],
        registers: [registry],
      }),
  );
  const sseDropped = reuse(
    registry,
    'understudy_tap_sse_events_dropped_total',
    (name) =>
      new Counter({
        name,
        help: 'SSE events of captured streams not stored: past the per-exchange cap (tap.capture.maxBodyBytes) or the in-flight budget.',
        registers: [registry],
      }),
  );
  const truncated = reuse(
    registry,
    'understudy_tap_capture_truncated_total',
    (name) =>
      new Counter({
        name,
        help: 'Captures stored cut short, by reason (in_flight_budget: tap.capture.inFlightMaxBytes was spent).',
        labelNames: ['reason'],
        registers: [registry],
      }),
  );
  const budgetCuts = truncated.labels('in_flight_budget');

  // Labelled children cached per version: label hashing on every request is measurable at saturation.
  const perVersion = new Map<string, { latency: { observe(v: number): void }; ttfb: { observe(v: number): void } }>();
  const perStatus = new Map<string, { inc(): void }>();
  return {
    request(version, status, durationMs, ttfbMs) {
      let v = perVersion.get(version);
      if (v === undefined) {
        v = { latency: latency.labels(version), ttfb: ttfb.labels(version) };
        perVersion.set(version, v);
      }
      const key = `${version} ${status}`;
      let c = perStatus.get(key);
      if (c === undefined) {
        c = requests.labels(version, String(status));
        perStatus.set(key, c);
      }
      c.inc();
      v.latency.observe(durationMs / 1000);
      if (ttfbMs !== null) v.ttfb.observe(ttfbMs / 1000);
    },
    written: (rows) => captured.inc(rows),
    dropped: (rows, reason) => dropped.labels(reason).inc(rows),
    storeError: () => storeErrors.inc(),
    uploadRefused: (reason) => uploadsRefused.labels(reason).inc(),
    sseEventsDropped: (events) => sseDropped.inc(events),
    cutByBudget: () => budgetCuts.inc(),
  };
}

/** The capture writer process's gauges, read at scrape time (`understudy tap` on a SQLite file has one). */
export function registerWriterMetrics(registry: Registry, health: () => WriterHealth): void {
  reuse(
    registry,
    'understudy_tap_capture_writer_restarts',
    (name) =>
      new Gauge({
        name,
        help: 'Times the capture writer process died and was started again.',
        registers: [registry],
        collect() {
          this.set(health().restarts);
        },
      }),
  );
  reuse(
    registry,
    'understudy_tap_capture_writer_restart_wait_seconds',
    (name) =>
      new Gauge({
        name,
        help: 'Wait before the dead capture writer is started again (doubles per death in a row, 1 s to 30 s); 0 while it runs.',
        registers: [registry],
        collect() {
          this.set((health().restartInMs ?? 0) / 1000);
        },
      }),
  );
}

function reuse<T>(registry: Registry, name: string, create: (name: string) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create(name);
}
