import { Gauge, type Registry } from 'prom-client';
import type { RoutingWatcher } from './routing-watcher.js';

/**
 * The routing a tap serves, read at scrape time: its revision (taps of one route agree once a
 * change has reached them all) and whether changes are pushed to it (a live PostgreSQL LISTEN
 * connection; 0 means it relies on its poll, as on SQLite or while the connection is down).
 * Registered once per registry (a second tap on it reports the first one's routing).
 */
export function registerRoutingMetrics(registry: Registry, watcher: RoutingWatcher): void {
  if (registry.getSingleMetric('understudy_tap_routing_revision') === undefined)
    new Gauge({
      name: 'understudy_tap_routing_revision',
      help: 'The revision of the routing the tap serves (0 while its route has none).',
      registers: [registry],
      collect() {
        this.set(watcher.current()?.revision ?? 0);
      },
    });
  if (registry.getSingleMetric('understudy_tap_routing_pushed') === undefined)
    new Gauge({
      name: 'understudy_tap_routing_pushed',
      help: 'Whether routing changes are pushed to the tap (1: PostgreSQL LISTEN connection up; 0: polling only).',
      registers: [registry],
      collect() {
        this.set(watcher.pushed() ? 1 : 0);
      },
    });
}
