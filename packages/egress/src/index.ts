export { createEgress, type Egress, type EgressDeps, egressPathPrefix } from './create-egress.js';
export { bodyKey } from './egress-body-key.js';
export { type CallKey, EgressCursor } from './egress-cursor.js';
export { createEgressMetrics, type EgressMetrics } from './egress-metrics.js';
