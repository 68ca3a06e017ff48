/**
 * The optional LLM judge (`compare.judge`) in a real `understudy start`: replays started through
 * the control plane's API and the live shadow's comparisons ask it, with one judge per process
 * (its cache and budget span every run), and its failures land on the pairs, never on the run.
 * The judge is a stub OpenAI-compatible chat server on a loopback socket.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { agent, auth, controlApi, filesHolding, judged, judgeKey, type ReportJson, sample, stubJudge, token } from './judge-stubs.js';
import { runCli } from './spawn-cli.js';
import { type StartProcess, startUnderstudy } from './start-process.js';

describe('compare.judge in understudy start', () => {
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: 8 });
  const { api, replayOverApi } = controlApi(dispatcher);
  let started: StartProcess | undefined;
  afterEach(() => {
    if (started !== undefined && started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
    started = undefined;
  });
  afterAll(async () => {
    await dispatcher.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  const chat = async (tapUrl: string, content: string): Promise<number> => {
    const res = await request(`${tapUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'agent', messages: [{ role: 'user', content }] }),
      dispatcher,
    });
    await res.body.text();
    return res.statusCode;
  };

  /** The dashboard's page of one comparison, as a signed-in browser gets it. */
  const comparisonPage = async (controlUrl: string, id: string): Promise<string> => {
    const res = await request(`${controlUrl}/comparisons/${id}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/html' },
      dispatcher,
    });
    const text = await res.body.text();
    expect(res.statusCode, text.slice(0, 2000)).toBe(200);
    return text;
  };

  /** Agents answering $20 (v1) and $50 (v2), a stub judge, and a directory holding the config `config` makes of them. */
  const judgedSetUp = async (name: string, config: (urls: { v2: string; judge: string }) => unknown) => {
    const v1 = await agent('$20');
    const v2 = await agent('$50');
    const judge = await stubJudge();
    servers.push(v1.server, v2.server, judge.server);
    const dir = mkdtempSync(join(tmpdir(), `us-judge-${name}-`));
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify(config({ v2: v2.url, judge: judge.url })));
    return { v1, v2, judge, dir };
  };

  it('API-started replays ask the configured judge: failures per pair, verdicts stored, cache and budget shared by the runs of the process', async () => {
    // Seven calls for the process: 3 failing + 3 answered + 1, then the budget is spent.
    const { v1, v2, judge, dir } = await judgedSetUp('start', (urls) => ({
      compare: { judge: { url: urls.judge, model: 'judge-mini', maxCalls: 7, timeoutMs: 10_000 } },
    }));
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token, UNDERSTUDY_JUDGE_API_KEY: judgeKey };
    started = await startUnderstudy(['--upstream', v1.url], env, dir);
    const { tapUrl, controlUrl } = started;
    for (const q of ['refund order 1', 'refund order 2', 'refund order 3']) expect(await chat(tapUrl, q)).toBe(200);
    await eventually(async () => {
      const page = await api<{ items: unknown[] }>(controlUrl, '/api/exchanges?limit=10');
      return page.json.items.length === 3 ? true : undefined;
    });

    // The judge is down: every pair says so, the rules' verdict stands, the run completes.
    judge.mode = 'down';
    const down = await replayOverApi(controlUrl, 'stable');
    expect(down.status).toBe('completed');
    expect(down.items).toHaveLength(3);
    expect(judge.seen).toHaveLength(3);
    for (const item of down.items) {
      expect(item.report?.extensionError).toContain('judge endpoint answered 500');
      expect(item.verdict).toBe('match');
    }
    expect(judge.seen.every((s) => s.auth === `Bearer ${judgeKey}` && s.user.includes('CANDIDATE'))).toBe(true);
    expect(await comparisonPage(controlUrl, down.items[0]?.candidateId ?? '')).toContain('judge endpoint answered 500');

    // The judge answers: its verdict is folded into each stored report.
    judge.mode = 'ok';
    const answered = await replayOverApi(controlUrl, 'stable');
    expect(answered.status).toBe('completed');
    expect(judge.seen).toHaveLength(6);
    for (const item of answered.items) {
      expect(judged(item.report)).toContain('llm judge: regression: the refund amount differs');
      expect(item.report?.extensionError).toBeUndefined();
      expect(item.verdict).toBe('regression');
    }
    expect(await comparisonPage(controlUrl, answered.items[0]?.candidateId ?? '')).toContain('the refund amount differs');

    // The same pairs again, in another run: answered from the process's cache, not asked again.
    const cached = await replayOverApi(controlUrl, 'stable');
    expect(judge.seen).toHaveLength(6);
    expect(cached.items.map((i) => judged(i.report))).toEqual(answered.items.map((i) => judged(i.report)));

    // New pairs (another target): one call left in the process's budget, then pairs are not judged.
    const spent = await replayOverApi(controlUrl, v2.url);
    expect(spent.status).toBe('completed');
    expect(judge.seen).toHaveLength(7);
    expect(spent.items.filter((i) => judged(i.report) !== undefined)).toHaveLength(1);
    expect(spent.items.filter((i) => i.report?.extensionError?.includes('judge budget spent'))).toHaveLength(2);

    // The process's /metrics counts all of it: 7 calls (3 failed with a 500, 4 verdicts), 3 pairs
    // from the cache, 2 past the budget of calls.
    const metrics = await request(`${controlUrl}/metrics`, { headers: auth, dispatcher });
    const exposition = await metrics.body.text();
    expect(metrics.statusCode).toBe(200);
    expect(sample(exposition, 'understudy_judge_calls_total')).toBe(7);
    expect(sample(exposition, 'understudy_judge_cache_hits_total')).toBe(3);
    expect(sample(exposition, 'understudy_judge_failures_total{reason="error_status"}')).toBe(3);
    expect(sample(exposition, 'understudy_judge_failures_total{reason="timeout"}')).toBe(0);
    expect(sample(exposition, 'understudy_judge_budget_exhausted_total{bound="calls"}')).toBe(2);
    expect(sample(exposition, 'understudy_judge_budget_exhausted_total{bound="prompt_chars"}')).toBe(0);
    expect(sample(exposition, 'understudy_judge_call_duration_seconds_count{outcome="verdict"}')).toBe(4);
    expect(sample(exposition, 'understudy_judge_call_duration_seconds_count{outcome="failed"}')).toBe(3);

    started.cli.child.kill('SIGTERM');
    expect(await started.cli.exit).toBe(0);
    // The key went to the judge only: not into a stored report (the judge echoed it), a file, or a log line.
    expect(answered.items.every((i) => judged(i.report)?.includes('[redacted:judge-api-key]'))).toBe(true);
    expect(filesHolding(dir, judgeKey)).toEqual([]);
    expect(started.cli.stdout() + started.cli.stderr()).not.toContain(judgeKey);
  }, 120_000);

  it('the live shadow’s comparisons ask the configured judge too', async () => {
    const { v1, judge, dir } = await judgedSetUp('shadow', (urls) => ({
      versions: [{ name: 'candidate', upstream: urls.v2 }],
      tap: { shadow: { version: 'candidate', rate: 1 } },
      compare: { judge: { url: urls.judge, model: 'judge-mini' } },
    }));
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    started = await startUnderstudy(['--upstream', v1.url], env, dir);
    const { tapUrl, controlUrl } = started;
    for (const q of ['refund order 1', 'refund order 2']) expect(await chat(tapUrl, q)).toBe(200);
    const ids = await eventually(async () => {
      const page = await api<{ items: { id: string }[] }>(controlUrl, '/api/comparisons?source=shadow');
      return page.json.items.length === 2 ? page.json.items.map((i) => i.id) : undefined;
    }, 30_000);
    expect(judge.seen).toHaveLength(2);
    expect(judge.seen.every((s) => s.user.includes('$20') && s.user.includes('$50'))).toBe(true);
    for (const id of ids) {
      const detail = await api<{ report: ReportJson }>(controlUrl, `/api/comparisons/${id}`);
      expect(judged(detail.json.report)).toContain('the refund amount differs');
      expect(detail.json.report.verdict).toBe('regression');
    }
    started.cli.child.kill('SIGTERM');
    expect(await started.cli.exit).toBe(0);
  }, 120_000);

  it('a judge that never answers does not hold up a shutdown: SIGTERM mid-call exits 0 within the drain time', async () => {
    const { v1, judge, dir } = await judgedSetUp('hang', (urls) => ({
      versions: [{ name: 'candidate', upstream: urls.v2 }],
      tap: { shadow: { version: 'candidate', rate: 1 } },
      compare: { judge: { url: urls.judge, model: 'judge-mini', timeoutMs: 120_000 } },
    }));
    judge.mode = 'hang';
    started = await startUnderstudy(['--upstream', v1.url], { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token }, dir);
    expect(await chat(started.tapUrl, 'refund order 1')).toBe(200);
    await eventually(() => (judge.seen.length === 1 ? true : undefined), 30_000);
    const stopping = process.hrtime.bigint();
    started.cli.child.kill('SIGTERM');
    expect(await started.cli.exit).toBe(0);
    expect(Number(process.hrtime.bigint() - stopping) / 1e9).toBeLessThan(12);
  }, 120_000);

  it('a comparator module that cannot load stops understudy start before it listens: one line, exit 2', async () => {
    const v1 = await agent('$20');
    servers.push(v1.server);
    const dir = mkdtempSync(join(tmpdir(), 'us-judge-badext-'));
    writeFileSync(join(dir, 'understudy.config.json'), JSON.stringify({ compare: { extension: 'missing-comparator.mjs' } }));
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    const out = await runCli(['start', '--upstream', v1.url, '--port', '0', '--control-port', '0'], env, dir);
    expect(out.code).toBe(2);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('cannot load compare extension missing-comparator.mjs');
    expect(out.stdout).not.toContain('Understudy is running');
  }, 60_000);
});
