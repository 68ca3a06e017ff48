import { type Excuse, excusedBy } from '../../report/difference-origin.js';
import type { Difference } from '../../report/divergence-report.js';
import type { FactValue } from './fact-value.js';

/**
 * A `fact_changed` difference found by `rule`: `before` (production's) said as `v` in the candidate at
 * `path`; noise where something shows production varies there (`excuse`).
 */
export function valueChange(path: string, before: FactValue, v: FactValue, rule: string, excuse: Excuse | undefined): Difference {
  return {
    kind: 'fact_changed',
    path,
    key: `fact:${v.type}`,
    severity: 'high',
    message: `${before.text} → ${v.text}`,
    original: before.text,
    candidate: v.text,
    ...excusedBy(rule, excuse),
  };
}
