import { type ThresholdResult, thresholdBound } from './replay-summary.js';

const shown = (n: number): string => `${Number(n.toFixed(4))}`;

/** A threshold's figure for people: a rate says what it was taken over (`0.25 (15 of 60 judged)`). */
export function thresholdActualText(t: ThresholdResult): string {
  if (t.of === undefined) return shown(t.actual);
  return `${shown(t.actual)} (${Math.round(t.actual * t.of)} of ${t.of} judged)`;
}

/** Why a breached threshold broke, the right way round: `minJudged 3 < 20`, `maxRegressionRate 0.25 (…) > 0.2`. */
export function thresholdBreachText(t: ThresholdResult): string {
  if (t.of === 0) return `${t.name}: nothing judged`;
  return `${t.name} ${thresholdActualText(t)} ${thresholdBound(t.name) === '≥' ? '<' : '>'} ${t.limit}`;
}
