import { category } from '../report/category-report.js';
import type { CategoryReport, Difference, Severity } from '../report/divergence-report.js';
import type { SideEffectSummary } from './side-effects.js';

/** Tool calls the candidate made beyond, or short of, production's recorded ones (egress). */
export function sideEffectCategory(
  sideEffects: { readonly candidate?: SideEffectSummary; readonly original?: SideEffectSummary } | undefined,
): CategoryReport {
  const c = sideEffects?.candidate;
  if (c === undefined) return category('side_effect', [], 0);
  const o = sideEffects?.original ?? { matched: 0, unmatched: 0, extra: 0, blocked: 0 };
  const out: Difference[] = [];
  const add = (kind: Difference['kind'], field: keyof SideEffectSummary, severity: Severity, what: string): void => {
    if (c[field] > o[field])
      out.push({
        kind,
        path: `side_effects.${field}`,
        key: `side_effects.${field}`,
        severity,
        message: `${c[field] - o[field]} more ${what}`,
        original: o[field],
        candidate: c[field],
      });
  };
  add('side_effect_unmatched', 'unmatched', 'high', 'unrecorded write(s)');
  add('side_effect_blocked', 'blocked', 'high', 'blocked call(s)');
  add('side_effect_extra', 'extra', 'medium', 'call(s) the recording does not have');
  if (c.matched < o.matched)
    out.push({
      kind: 'side_effect_missing',
      path: 'side_effects.matched',
      key: 'side_effects.matched',
      severity: 'medium',
      message: `${o.matched - c.matched} recorded call(s) not made`,
      original: o.matched,
      candidate: c.matched,
    });
  return category('side_effect', out, 0);
}
