import { describe, expect, it } from 'vitest';
import { CanaryChart } from './canary-chart.js';
import type { CanarySeries } from './canary-series.js';

/** The panel's scale labels (top, bottom) as rendered. */
function scale(series: CanarySeries, panel: string): string[] {
  const svg = String(CanaryChart({ series }));
  const group = svg.split('<g data-panel="').find((g) => g.startsWith(`${panel}"`)) ?? '';
  return [...group.matchAll(/text-anchor="end">([^<]*)</g)].map((m) => m[1] ?? '');
}

const base: CanarySeries = {
  from: 0,
  to: 100,
  weight: [[0, 20]],
  errorRate: { stable: [], candidate: [] },
  latency: { stable: [], candidate: [], label: 'p50' },
  divergence: [],
  steps: [{ at: 0, weight: 20 }],
  end: null,
};

// Found by the new-user walk: a canary whose arms had no errors drew an error-rate scale of
// "0.0 %" to "0.0 %", and a finished canary's empty panel said "no data yet".
describe('the canary chart', () => {
  it('draws an all-zero panel on a readable scale', () => {
    const series = { ...base, errorRate: { stable: [[10, 0]], candidate: [[10, 0]] } } as CanarySeries;
    expect(scale(series, 'error rate')).toEqual(['1.0 %', '0.0 %']);
  });

  it('says an empty panel has no data yet while the canary runs, and no data once it ended', () => {
    expect(scale(base, 'divergence beyond noise')[0]).toBe('no data yet');
    expect(scale({ ...base, end: { at: 90, kind: 'promoted' } }, 'divergence beyond noise')[0]).toBe('no data');
  });
});
