import { UnderstudyError } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { parseReplaySpec } from './replay-spec.js';
import { evaluateThresholds, thresholdBound } from './replay-summary.js';

const figures = (regressions: number, judged: number) => ({ meanDivergence: 0.1, regressions, judged, errorRate: 0 });

describe('evaluateThresholds: a regression rate over what was judged', () => {
  it('judges the rate of regressions among judged items, whatever the run size', () => {
    // 10 of 40 and 15 of 60 are the same rate: an absolute bar of 11 would pass the first and fail the second.
    for (const [regressions, judged] of [
      [10, 40],
      [15, 60],
      [150, 600],
    ] as const) {
      const [r] = evaluateThresholds({ maxRegressionRate: 0.2 }, figures(regressions, judged));
      expect(r).toEqual({ name: 'maxRegressionRate', limit: 0.2, actual: 0.25, breached: true, of: judged });
    }
    const [held] = evaluateThresholds({ maxRegressionRate: 0.2 }, figures(3, 60));
    expect(held).toMatchObject({ actual: 0.05, breached: false });
  });

  it('does not pass a rate over nothing judged', () => {
    const [r] = evaluateThresholds({ maxRegressionRate: 0.2 }, figures(0, 0));
    expect(r).toMatchObject({ name: 'maxRegressionRate', breached: true, of: 0 });
  });

  it('fails a run that judged fewer items than minJudged, however clean they were', () => {
    const [few] = evaluateThresholds({ minJudged: 20 }, figures(0, 3));
    expect(few).toEqual({ name: 'minJudged', limit: 20, actual: 3, breached: true });
    const [enough] = evaluateThresholds({ minJudged: 20 }, figures(0, 20));
    expect(enough).toMatchObject({ breached: false });
  });

  it('says which way each threshold bounds its figure', () => {
    expect(thresholdBound('maxRegressionRate')).toBe('≤');
    expect(thresholdBound('maxRegressions')).toBe('≤');
    expect(thresholdBound('minJudged')).toBe('≥');
    expect(thresholdBound('baselineShare')).toBe('≥');
  });
});

describe('parseReplaySpec: the new thresholds', () => {
  it.each([
    [{ maxRegressionRate: 1.5 }, 'thresholds.maxRegressionRate'],
    [{ maxRegressionRate: -0.1 }, 'thresholds.maxRegressionRate'],
    [{ maxRegressionRate: '0.2' }, 'thresholds.maxRegressionRate'],
    [{ minJudged: 0 }, 'thresholds.minJudged'],
    [{ minJudged: 2.5 }, 'thresholds.minJudged'],
  ])('refuses %j with invalid_input naming %s', (thresholds, path) => {
    const attempt = () => parseReplaySpec({ target: 'v2', thresholds });
    expect(attempt).toThrow(UnderstudyError);
    try {
      attempt();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_input', details: { path } });
    }
  });

  it('accepts a rate and a minimum', () => {
    expect(parseReplaySpec({ target: 'v2', thresholds: { maxRegressionRate: 0.2, minJudged: 30 } }).thresholds).toEqual({
      maxRegressionRate: 0.2,
      minJudged: 30,
    });
  });
});
