import { Counter, Gauge, type Registry } from 'prom-client';

/** Shadow health in `/metrics`: mirrored, dropped, errors, and comparisons by verdict. */
export interface ShadowMetrics {
  mirrored(): void;
  dropped(reason: 'queue_full' | 'body_truncated' | 'closed'): void;
  error(): void;
  /** Counted by the comparison worker (`@understudy/replay`), which has no registry of its own. */
  comparison(verdict: string): void;
}

/** Registers the shadow metrics in `registry` (reused when already there). */
export function createShadowMetrics(registry: Registry, queueDepth: () => number = () => 0): ShadowMetrics {
  const get = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  const mirrored = get(
    'understudy_shadow_mirrored_total',
    () =>
      new Counter({
        name: 'understudy_shadow_mirrored_total',
        help: 'Live requests mirrored to the shadow candidate and answered.',
        registers: [registry],
      }),
  );
  const dropped = get(
    'understudy_shadow_dropped_total',
    () =>
      new Counter({
        name: 'understudy_shadow_dropped_total',
        help: 'Shadow copies not sent, by reason (queue_full, body_truncated, closed).',
        labelNames: ['reason'],
        registers: [registry],
      }),
  );
  const errors = get(
    'understudy_shadow_errors_total',
    () =>
      new Counter({
        name: 'understudy_shadow_errors_total',
        help: 'Shadow requests that got no response (refused, reset, timeout).',
        registers: [registry],
      }),
  );
  const comparisons = get(
    'understudy_shadow_comparisons_total',
    () =>
      new Counter({
        name: 'understudy_shadow_comparisons_total',
        help: 'Shadow responses compared with their live parent, by verdict.',
        labelNames: ['verdict'],
        registers: [registry],
      }),
  );
  get(
    'understudy_shadow_queue_depth',
    () =>
      new Gauge({
        name: 'understudy_shadow_queue_depth',
        help: 'Shadow copies waiting to be sent.',
        registers: [registry],
        collect() {
          this.set(queueDepth());
        },
      }),
  );
  return {
    mirrored: () => mirrored.inc(),
    dropped: (reason) => dropped.labels(reason).inc(),
    error: () => errors.inc(),
    comparison: (verdict) => comparisons.labels(verdict).inc(),
  };
}
