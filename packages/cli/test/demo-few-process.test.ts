import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './spawn-cli.js';

describe('understudy demo with few conversations captured (a process, as a newcomer runs it)', () => {
  // The replay gate used to be an absolute count (more than 11 regressions fails): over few
  // captured conversations v3 passed it. It is now a rate over the judged items, and a gate
  // that judged fewer than the minimum gives no verdict: neither candidate passes, the summary
  // says why, no canary starts on no evidence, and the demo does not claim its story (exit 1).
  it('passes neither candidate on a handful of judged items, says so, and exits 1', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'us-demo-few-'));
    const cli = spawnCli(['demo', '--seed', '7', '--capture', '8'], { UNDERSTUDY_LOG_LEVEL: 'error' }, cwd);
    // Bounded: a demo that hangs is killed, and the test fails on its exit code.
    const timer = setTimeout(() => cli.child.kill('SIGKILL'), 60_000);
    const code = await cli.exit.finally(() => clearTimeout(timer));
    const out = cli.stdout();
    expect(code, out + cli.stderr()).toBe(1);
    const judged = (name: string) => {
      const m = new RegExp(
        `replay ${name} +NO VERDICT: (\\d+) match, (\\d+) noise, (\\d+) regression, \\d+ error \\(minJudged (\\d+) < 30`,
      ).exec(out);
      expect(m, out).not.toBeNull();
      const [, match, noise, regression, minJudged] = (m ?? []).map(Number);
      expect((match ?? 0) + (noise ?? 0) + (regression ?? 0)).toBe(minJudged);
      return minJudged ?? Number.NaN;
    };
    expect(judged('v2')).toBeLessThan(30);
    expect(judged('v3')).toBeLessThan(30);
    expect(out).toMatch(/canary v3 {2}not started — its replay gate judged \d+ items, fewer than the 30 a verdict needs/);
    expect(out).toMatch(/canary v2 {2}not started — its replay gate judged \d+ items, fewer than the 30 a verdict needs/);
    expect(out).toContain('NOT OK');
  }, 90_000);
});
