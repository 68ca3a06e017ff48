import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';

describe('understudy demo', () => {
  // Seeded (the style guide's injected randomness): every customer conversation and every
  // agent reply draws from the seed, each request from its own stream, so the replay gate counts
  // the same regressions whatever order concurrent requests arrive in — not 16 one run and 28
  // the next against a bar of 11, as with the system's randomness.
  it('captures, shadows, gates by replay, rolls v3 back and promotes v2, and says why; exit 0', async () => {
    const c = captureIo({ env: {} });
    const code = await run(['demo', '--seed', '20261201'], c.io);
    const out = c.out();
    expect(out, out + c.err()).toContain('OK: the regressed prompt (v3) was rolled back');
    expect(code).toBe(0);
    expect(out).toMatch(/canary v3 {2}rolled back — .+/);
    expect(out).toMatch(/canary v2 {2}promoted/);
    expect(out).toMatch(/captured {3}\d+ live exchanges/);
    expect(out).toMatch(/shadowed {3}\d+ live copies to v3 compared: \d+ regression/);
    expect(out).toMatch(/replay v3 {3}FAILED/);
    const seconds = Number(/Summary \((\d+) s\)/.exec(out)?.[1]);
    expect(seconds).toBeLessThanOrEqual(120);
  }, 150_000);
});
