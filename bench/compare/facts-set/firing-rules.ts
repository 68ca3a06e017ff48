import type { DivergenceReport } from '@understudy/compare';

/**
 * The rules that made a report a regression: the rule (module) that found each judged difference,
 * its kind where it names none, or the text floor.
 */
export function firingRules(r: DivergenceReport): { rule: string; message: string }[] {
  const out: { rule: string; message: string }[] = [];
  for (const c of r.categories) {
    if (c.regression !== true) continue;
    for (const d of c.differences)
      if (d.explainedByNoise !== true && (d.severity === 'high' || d.severity === 'critical'))
        out.push({ rule: d.origin?.rule ?? d.kind, message: d.message });
    if (c.name === 'text' && c.reason !== undefined)
      for (const x of c.reason.split('; '))
        if (x.startsWith('text similarity') || x.startsWith('length ratio')) out.push({ rule: `floor:${x.split(' ')[1]}`, message: x });
  }
  return out;
}
