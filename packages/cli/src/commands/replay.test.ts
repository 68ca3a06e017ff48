import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { seededRandom } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { createApp } from '@understudy/server';
import { openStore } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.js';
import type { CliIo } from '../cli-io.js';
import { run } from '../run.js';

const fixtures = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../data/fixtures');

function io(dir: string): CliIo & { out: () => string; err: () => string } {
  const c = captureIo({ dir, dbFile: 'u.db' });
  return { ...c.io, out: c.out, err: c.err };
}

function agent(variant: 'good' | 'regressed', seed: number): Promise<{ url: string; close: () => void }> {
  return new Promise((done) => {
    const server = serve(
      { fetch: createDemoAgentApp({ variant, random: seededRandom(seed) }).fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => done({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

describe('understudy import / replay / export', () => {
  let good: { url: string; close: () => void };
  let regressed: { url: string; close: () => void };
  beforeAll(async () => {
    good = await agent('good', 1);
    regressed = await agent('regressed', 2);
  });
  afterAll(() => {
    good.close();
    regressed.close();
  });

  it('imports, gates a good and a regressed candidate by exit code, and writes JUnit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-cli-replay-'));
    const a = io(dir);
    // Many copies of the Chromium HAR make a sample big enough for the regressed agent to slip.
    for (let i = 0; i < 4; i++) expect(await run(['import', join(fixtures, 'demo-agent.har')], a)).toBe(0);
    expect(a.out()).toContain('imported 10 exchanges');

    const ok = io(dir);
    expect(await run(['replay', '--target', good.url, '--max-regressions', '0', '--json'], ok)).toBe(0);
    const summary = JSON.parse(ok.out()) as { done: number; passed: boolean; verdicts: Record<string, number> };
    expect(summary).toMatchObject({ done: 40, passed: true });

    for (const [flag, value, reason] of [
      ['--max-regression-rate', '1.5', 'a number from 0 to 1'],
      ['--max-regression-rate', '20%', 'a number from 0 to 1'],
      ['--min-judged', '0', 'a whole number of at least 1'],
    ] as const) {
      const misuse = io(dir);
      expect(await run(['replay', '--target', good.url, flag, value], misuse)).toBe(2);
      expect(misuse.err()).toBe(`understudy replay: ${flag} must be ${reason}, got "${value}"\n`);
    }

    const bad = io(dir);
    const code = await run(
      ['replay', '--target', regressed.url, '--max-regressions', '0', '--junit', 'replay.xml', '--concurrency', '4'],
      bad,
    );
    expect(code).toBe(1);
    expect(bad.out()).toMatch(/FAIL\n$/);
    expect(bad.out()).toContain('POST /v1/chat/completions');
    const junit = readFileSync(join(dir, 'replay.xml'), 'utf8');
    expect(junit).toContain('<failure message="maxRegressions ');

    // User audit 3: with no threshold nothing can fail the run (exit 0), but its regressions are no PASS.
    const ungated = io(dir);
    expect(await run(['replay', '--target', regressed.url, '--concurrency', '4', '--markdown', 'ungated.md'], ungated)).toBe(0);
    expect(ungated.out()).not.toMatch(/PASS\n$/);
    expect(ungated.out()).toMatch(
      /\nNO GATE: no threshold was set, so nothing could fail this run \([1-9]\d* of 40 judged items regressed\); gate it with --max-regression-rate F and --min-judged N\n$/,
    );
    expect(readFileSync(join(dir, 'ungated.md'), 'utf8')).toMatch(/^### ⚠️ Understudy replay: NO GATE \(no threshold set\)\n/);

    const gated = io(dir);
    const args = ['replay', '--target', regressed.url, '--max-regressions', '0', '--json', '--markdown', 'summary.md'];
    // A rate over what was judged, and no verdict over too few (40 items judged, 41 asked).
    args.push('--max-regression-rate', '1', '--min-judged', '41');
    expect(await run([...args, '--dashboard-url', 'https://understudy.example/'], gated)).toBe(1);
    const machine = JSON.parse(gated.out()) as {
      runId: string;
      worst: { candidateId: string; differences: string[] }[];
      verdicts: Record<string, number>;
      thresholds: { name: string; actual: number; breached: boolean; of?: number }[];
    };
    const judged = (machine.verdicts.match ?? 0) + (machine.verdicts.noise ?? 0) + (machine.verdicts.regression ?? 0);
    expect(judged).toBe(40);
    expect(machine.thresholds.find((t) => t.name === 'maxRegressionRate')).toEqual({
      name: 'maxRegressionRate',
      limit: 1,
      actual: (machine.verdicts.regression ?? 0) / 40,
      breached: false,
      of: 40,
    });
    expect(machine.thresholds.find((t) => t.name === 'minJudged')).toEqual({ name: 'minJudged', limit: 41, actual: 40, breached: true });
    const markdown = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/^### ❌ Understudy replay: FAIL\n/);
    expect(markdown).toContain(`[\`${machine.runId}\`](https://understudy.example/replays/${machine.runId})`);
    expect(markdown).toMatch(/\| maxRegressions \| ≤ 0 \| [1-9]\d* \| ❌ breached \|/);
    const worst = machine.worst[0];
    expect(worst?.differences.length).toBeGreaterThan(0);
    expect(markdown).toContain(`(https://understudy.example/comparisons/${worst?.candidateId})`);
    const escaped = (worst?.differences[0] ?? 'none')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|');
    expect(markdown).toContain(escaped);
    // Every link of the summary opens a page of the real dashboard over the same store.
    const store = await openStore({ url: join(dir, 'u.db') });
    const dashboard = createApp({ store, adminToken: 'dashboard-token-1' });
    try {
      const links = [...markdown.matchAll(/\]\(https:\/\/understudy\.example(\/[^)\s]+)\)/g)].map((m) => m[1] ?? '');
      expect(links.length).toBe(1 + machine.worst.length);
      for (const path of links) {
        const page = await dashboard.request(path, { headers: { authorization: 'Bearer dashboard-token-1' } });
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
      }
    } finally {
      await dashboard.close();
      await store.close();
    }

    const exported = io(dir);
    expect(await run(['export', '--role', 'live'], exported)).toBe(0);
    expect(exported.out().trim().split('\n')).toHaveLength(40);
    // Five replay runs of 40 items: well past the default 20 s on a loaded machine.
  }, 90_000);

  it('imports OTLP JSON traces (--format otlp) and names a malformed span with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-cli-otlp-'));
    const ok = io(dir);
    expect(await run(['import', join(fixtures, 'phoenix-openinference.otlp.json'), '--format', 'otlp'], ok)).toBe(0);
    expect(ok.out()).toBe(
      `imported 2 exchanges from ${join(fixtures, 'phoenix-openinference.otlp.json')} (otlp), 2 spans that are not model calls ignored\n`,
    );
    const broken = JSON.parse(readFileSync(join(fixtures, 'phoenix-openinference.otlp.json'), 'utf8')) as {
      resourceSpans: { scopeSpans: { spans: { startTimeUnixNano: string }[] }[] }[];
    };
    const third = broken.resourceSpans[0]?.scopeSpans[0]?.spans[2];
    if (third !== undefined) third.startTimeUnixNano = 'soon';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const bad = io(dir);
    expect(await run(['import', 'broken.json'], bad)).toBe(2);
    expect(bad.err()).toBe('understudy import: span 3 (id c1b2c3d4e5f6071a): startTimeUnixNano: nanoseconds since the epoch\n');
  });

  it('replays against a version declared only in the config file: registered visibly, then resolved from the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-cli-replay-'));
    expect(await run(['import', join(fixtures, 'demo-agent.har')], io(dir))).toBe(0);
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ versions: [{ name: 'cand', upstream: good.url }] }));
    const listed = io(dir);
    expect(await run(['versions', 'list'], listed)).toBe(0);
    expect(listed.out()).toMatch(/cand\s+http:\S+\s+config: not registered yet/);

    const r = io(dir);
    expect(await run(['replay', '--target', 'cand', '--json'], r)).toBe(0);
    expect(r.err()).toContain(`version cand registered from ${join(dir, 'understudy.config.json')} (${good.url})`);
    expect(JSON.parse(r.out())).toMatchObject({ done: 10, passed: true });

    // The config now disagrees with the store: refused with one line until told to apply it.
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ versions: [{ name: 'cand', upstream: regressed.url }] }));
    const refused = io(dir);
    expect(await run(['replay', '--target', 'cand'], refused)).toBe(2);
    expect(refused.err()).toMatch(/declares version cand → http:\S+, but the store has http:\S+; pass --apply-config/);
    expect(refused.err().trim().split('\n')).toHaveLength(1);
    const applied = io(dir);
    expect(await run(['versions', 'apply'], applied)).toBe(0);
    expect(applied.out()).toContain(`version cand updated from ${join(dir, 'understudy.config.json')}: ${good.url} → ${regressed.url}`);
  });

  it('answers usage and input errors with exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-cli-replay-'));
    const cases: [string[], RegExp][] = [
      [['replay'], /needs --target/],
      [['replay', '--target', 'nope'], /no version named "nope"/],
      [['replay', '--target', good.url, '--rate', '5', '--speed', '2'], /exclude each other/],
      [['replay', '--target', good.url, '--max-divergence', '3'], /--max-divergence must be a number from 0 to 1/],
      [['import', 'missing.har'], /no such file/],
      [['replay', '--target', good.url, '--dashboard-url', 'ftp://x'], /--dashboard-url must be an http\(s\) URL/],
    ];
    for (const [argv, message] of cases) {
      const x = io(dir);
      expect(await run(argv, x)).toBe(2);
      expect(x.err()).toMatch(message);
      expect(x.err().trim().split('\n')).toHaveLength(1);
    }
    const lines = readFileSync(join(fixtures, 'demo-agent.jsonl'), 'utf8').split('\n');
    lines[3] = '{"id": broken';
    writeFileSync(join(dir, 'bad.jsonl'), lines.join('\n'));
    const x = io(dir);
    expect(await run(['import', 'bad.jsonl'], x)).toBe(2);
    expect(x.err()).toMatch(/^understudy import: line 4: not JSON/);
    const skip = io(dir);
    expect(await run(['import', 'bad.jsonl', '--skip-invalid'], skip)).toBe(0);
    expect(skip.out()).toContain('imported 9 exchanges');
    expect(skip.out()).toContain('skipped 1 invalid entries:\n  line 4: not JSON');
  });
});
