export { createEgress, type Egress, type EgressDeps } from './create-egress.js';
export { egressPathPrefix } from './destination-target.js';
export { bodyKey } from './egress-body-key.js';
export { type CallKey, EgressCursor } from './egress-cursor.js';
export { createEgressMetrics, type EgressMetrics } from './egress-metrics.js';
