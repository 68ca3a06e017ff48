import { Counter, Gauge, type Registry } from 'prom-client';

/** The egress proxy's Prometheus metrics. */
export interface EgressMetrics {
  /** One call: outcome is `forwarded`, `replayed`, `blocked` or `refused` (an unverifiable correlation). */
  call(destination: string, policy: string, outcome: string): void;
  /** Recordings the store did not get (queue full, store error, closed). */
  dropped(rows: number, reason: string): void;
}

/**
 * Registers the egress metrics in `registry` (reused when another egress proxy already did).
 * `queueDepth` is read at scrape time.
 */
export function createEgressMetrics(registry: Registry, queueDepth: () => number): EgressMetrics {
  const calls =
    (registry.getSingleMetric('understudy_egress_calls_total') as Counter<'destination' | 'policy' | 'outcome'> | undefined) ??
    new Counter({
      name: 'understudy_egress_calls_total',
      help: 'Tool calls through the egress proxy, by destination, policy and outcome (forwarded, replayed, blocked, refused: an unverifiable x-understudy-exchange).',
      labelNames: ['destination', 'policy', 'outcome'],
      registers: [registry],
    });
  const dropped =
    (registry.getSingleMetric('understudy_egress_recordings_dropped_total') as Counter<'reason'> | undefined) ??
    new Counter({
      name: 'understudy_egress_recordings_dropped_total',
      help: 'Tool-call recordings not stored, by reason (queue_full, store_error, closed).',
      labelNames: ['reason'],
      registers: [registry],
    });
  if (registry.getSingleMetric('understudy_egress_queue_depth') === undefined) {
    new Gauge({
      name: 'understudy_egress_queue_depth',
      help: 'Tool-call recordings waiting for the store.',
      registers: [registry],
      collect() {
        this.set(queueDepth());
      },
    });
  }
  return {
    call: (destination, policy, outcome) => calls.labels(destination, policy, outcome).inc(),
    dropped: (rows, reason) => dropped.labels(reason).inc(rows),
  };
}
