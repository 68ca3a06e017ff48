import type { Clock } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Histogram, type Registry } from 'prom-client';

/** RFC 9110 §9 methods plus PATCH (RFC 5789): any other token a client sends is counted as `other`. */
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * Counts control-plane requests by route pattern (never the raw path, which would make the
 * label set unbounded) and standard method. Metrics already in the registry are reused, so two apps may share one.
 */
export function requestMetrics(registry: Registry, clock: Clock): MiddlewareHandler {
  const requests =
    (registry.getSingleMetric('understudy_control_requests_total') as Counter<'method' | 'route' | 'status'> | undefined) ??
    new Counter({
      name: 'understudy_control_requests_total',
      help: 'Control-plane HTTP requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric('understudy_control_request_duration_seconds') as Histogram<'route'> | undefined) ??
    new Histogram({
      name: 'understudy_control_request_duration_seconds',
      help: 'Control-plane request duration by route pattern.',
      labelNames: ['route'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    });
  return async (c, next) => {
    const start = clock.monotonic();
    await next();
    const pattern = routePath(c, -1);
    const route = pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
    const method = methods.has(c.req.method) ? c.req.method : 'other';
    requests.inc({ method, route, status: String(c.res.status) });
    duration.observe({ route }, (clock.monotonic() - start) / 1000);
  };
}
