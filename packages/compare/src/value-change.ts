import type { Difference } from './divergence-report.js';
import type { FactValue } from './fact-value.js';

/** A `fact_changed` difference: `before` (production's) said as `v` in the candidate at `path`; noise where production varies there. */
export function valueChange(path: string, before: FactValue, v: FactValue, varies: boolean): Difference {
  return {
    kind: 'fact_changed',
    path,
    key: `fact:${v.type}`,
    severity: 'high',
    message: `${before.text} → ${v.text}`,
    original: before.text,
    candidate: v.text,
    ...(varies ? { explainedByNoise: true } : {}),
  };
}
