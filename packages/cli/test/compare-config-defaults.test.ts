import { defaultJudgeOptions } from '@understudy/compare';
import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';

// `understudy diff` and `replay` take their margins from the config's `compare.noise`; its
// defaults must be the engine's documented ones (docs/benchmarks.md measures those).
describe('compare.noise defaults', () => {
  it('equal compare’s defaultJudgeOptions', () => {
    const { aggregate: _aggregate, ...noise } = parseConfig({}).compare.noise;
    expect(noise).toEqual({ ...defaultJudgeOptions });
  });
});
