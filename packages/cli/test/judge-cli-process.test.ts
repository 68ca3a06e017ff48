/**
 * The optional LLM judge (`compare.judge`) in the other processes that compare: `understudy
 * control` (replays started over its API), `understudy diff` on stored exchanges, an offline
 * `understudy replay` and `understudy demo` — real child processes, the judge a stub
 * OpenAI-compatible chat server on a loopback socket — and a judge URL that is no URL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { agent, auth, controlApi, filesHolding, judged, judgeKey, type ReportJson, sample, stubJudge, token } from './judge-stubs.js';
import { runCli, spawnCli } from './spawn-cli.js';

describe('compare.judge in understudy control, diff, replay and demo', () => {
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: 8 });
  const { replayOverApi } = controlApi(dispatcher);
  afterAll(async () => {
    await dispatcher.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  it('understudy control (API-started replays) and understudy diff ID_A ID_B --baseline ID_C on stored exchanges ask it too', async () => {
    const v2 = await agent('$50');
    const judge = await stubJudge();
    servers.push(v2.server, judge.server);
    const dir = mkdtempSync(join(tmpdir(), 'us-judge-control-'));
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ compare: { judge: { url: judge.url, model: 'judge-mini' } } }));
    const db = join(dir, 'u.db');
    // Production's answers, as a tap would have stored them: two to one input, one to another.
    const answer = (asked: string) =>
      testJsonBody({
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: `About "${asked}": a refund of $20 is approved.` } }],
      });
    const live = (id: string, asked: string, at: number) =>
      testExchange(id, {
        startedAt: at,
        requestHeaders: { 'content-type': 'application/json' },
        requestBody: testJsonBody({ model: 'agent', messages: [{ role: 'user', content: asked }] }),
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: answer(asked),
      });
    const store = await openStore({ url: db });
    await store.exchanges.insertMany([
      live('01JUDGEA', 'refund order 1', 1_000),
      live('01JUDGEB', 'refund order 1', 2_000),
      live('01JUDGEC', 'refund order 2', 3_000),
    ]);
    await store.close();
    const env = { UNDERSTUDY_DB: db, UNDERSTUDY_ADMIN_TOKEN: token, UNDERSTUDY_JUDGE_API_KEY: judgeKey };

    const control = spawnCli(['control', '--port', '0', '--log-format', 'json'], env, dir);
    try {
      const controlUrl = await eventually(
        () => /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"control plane listening"/.exec(control.stdout())?.[1],
        60_000,
      );
      const replayed = await replayOverApi(controlUrl, v2.url);
      expect(replayed.status).toBe('completed');
      expect(replayed.items).toHaveLength(3);
      // Two of the three pairs are the same content (one input answered twice alike): one call for both.
      expect(judge.seen).toHaveLength(2);
      for (const item of replayed.items) expect(judged(item.report)).toContain('the refund amount differs');
      // understudy control's /metrics counts them: two calls, one pair answered by the other's call.
      const exposition = await (await request(`${controlUrl}/metrics`, { headers: auth, dispatcher })).body.text();
      expect(sample(exposition, 'understudy_judge_calls_total')).toBe(2);
      expect(sample(exposition, 'understudy_judge_cache_hits_total')).toBe(1);
      control.child.kill('SIGTERM');
      expect(await control.exit).toBe(0);
    } finally {
      if (control.child.exitCode === null) control.child.kill('SIGKILL');
    }

    const diff = await runCli(['diff', '01JUDGEA', '01JUDGEC', '--baseline', '01JUDGEB'], env, dir);
    expect(diff.stderr).toBe('');
    expect(diff.stdout).toContain('llm judge: regression: the refund amount differs');
    expect(diff.code).toBe(1);
    expect(judge.seen).toHaveLength(3);
    expect(judge.seen[2]?.user).toContain('OTHER PRODUCTION ANSWER 1');
    expect(judge.seen[2]?.auth).toBe(`Bearer ${judgeKey}`);

    // understudy replay (offline, from the CLI: a process of its own, so its own cache) asks it too, and says what it did.
    const offline = await runCli(['replay', '--target', v2.url], env, dir);
    expect(offline.stderr).toContain('judge: 2 calls, 1 cached, 0 skipped past its bounds, 0 failed');
    expect(offline.stdout).toMatch(/regression/);
    expect([0, 1]).toContain(offline.code);
    expect(judge.seen).toHaveLength(5);
    expect(offline.stdout + offline.stderr + diff.stdout + diff.stderr + control.stdout() + control.stderr()).not.toContain(judgeKey);
    expect(filesHolding(dir, judgeKey)).toEqual([]);
  }, 120_000);

  it('understudy demo with compare.judge: asks it within its budget, prints its figures, keeps the key out of the database and the output', async () => {
    const judge = await stubJudge();
    judge.mode = 'same';
    servers.push(judge.server);
    const dir = mkdtempSync(join(tmpdir(), 'us-judge-demo-'));
    const config = join(dir, 'judged.json');
    writeFileSync(config, JSON.stringify({ compare: { judge: { url: judge.url, model: 'judge-mini', maxCalls: 30, concurrency: 2 } } }));
    const out = await runCli(['demo', '--keep', '--config', config], { UNDERSTUDY_JUDGE_API_KEY: judgeKey }, dir);
    expect(out.stdout, out.stdout + out.stderr).toContain('OK: the regressed prompt (v3) was rolled back');
    expect(out.code).toBe(0);
    // The demo compares hundreds of pairs: 30 calls, the rest from the cache or past the budget, all said.
    const figures = /judge {6}(\d+) calls, (\d+) cached, (\d+) skipped past its bounds, (\d+) failed/.exec(out.stdout);
    expect(figures?.slice(1).map(Number)).toEqual([30, expect.any(Number), expect.any(Number), 0]);
    expect(Number(figures?.[3])).toBeGreaterThan(0);
    expect(judge.seen).toHaveLength(30);
    expect(judge.seen.every((s) => s.auth === `Bearer ${judgeKey}`)).toBe(true);
    const db = /database (\/\S+)/.exec(out.stdout)?.[1] ?? '';
    const stored = await openStore({ url: db });
    try {
      const ids: string[] = [];
      for (let cursor: string | null | undefined; cursor !== null; ) {
        const page = await stored.comparisons.list({}, { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      }
      const reports = await Promise.all(ids.map(async (id) => (await stored.comparisons.get(id))?.report as ReportJson | null));
      // Its verdicts ("same": the rules' verdicts stand) are on the stored reports, as many as it answered.
      const judgedReports = reports.filter((r) => r?.categories.some((c) => c.label === 'llm_judge'));
      expect(judgedReports.length).toBeGreaterThanOrEqual(30);
    } finally {
      await stored.close();
    }
    expect(filesHolding(join(db, '..'), judgeKey)).toEqual([]);
    expect(out.stdout + out.stderr).not.toContain(judgeKey);
  }, 150_000);

  it('understudy diff --judge with something that is no http(s) URL: one line, exit 2, nothing asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-judge-badurl-'));
    const body = JSON.stringify({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Fee $35.' } }],
    });
    writeFileSync(join(dir, 'a.json'), body);
    const out = await runCli(['diff', 'a.json', 'a.json', '--judge', 'ftp://judge.example/v1', '--judge-model', 'm'], {}, dir);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('--judge ftp://judge.example/v1');
  }, 60_000);
});
