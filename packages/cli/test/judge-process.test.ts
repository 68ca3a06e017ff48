/**
 * The optional LLM judge (`compare.judge`) in a real `understudy start`: replays started through
 * the control plane's API and the live shadow's comparisons ask it, with one judge per process
 * (its cache and budget span every run), and its failures land on the pairs, never on the run.
 * The judge is a stub OpenAI-compatible chat server on a loopback socket.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import { Agent, request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { runCli, spawnCli } from './spawn-cli.js';
import { type StartProcess, startUnderstudy } from './start-process.js';

const token = 'judge-process-token';
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
/** The judge's API key: it must reach the judge and nothing else — no stored byte, no log line. */
const judgeKey = 'sk-judge-process-0123456789-SECRET';

/** Every file under `dir` (the SQLite file, its WAL, the data directory) that holds `secret`. */
function filesHolding(dir: string, secret: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesHolding(path, secret));
    else if (readFileSync(path).includes(secret)) found.push(path);
  }
  return found;
}

/** One sample of a Prometheus exposition (`name{labels} value`), or undefined when absent. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** An OpenAI-compatible chat agent that approves a refund of `amount` for whatever the user asked. */
async function agent(amount: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { messages?: { content: string }[] };
    const asked = body.messages?.at(-1)?.content ?? '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: 'agent',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: `About "${asked}": a refund of ${amount} is approved.` },
            finish_reason: 'stop',
          },
        ],
      }),
    );
  });
  return { url: await listen(server), server };
}

/** The judge: a stub chat model that answers a verdict (`ok`) or 500 (`down`), and remembers what it was asked. */
async function stubJudge(): Promise<{
  url: string;
  server: Server;
  mode: 'ok' | 'same' | 'down' | 'hang';
  seen: { auth: string | undefined; user: string }[];
}> {
  const stub = {
    url: '',
    server: createServer(),
    mode: 'ok' as 'ok' | 'same' | 'down' | 'hang',
    seen: [] as { auth: string | undefined; user: string }[],
  };
  stub.server.on('request', async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { messages: { role: string; content: string }[] };
    stub.seen.push({ auth: req.headers.authorization, user: body.messages.find((m) => m.role === 'user')?.content ?? '' });
    if (stub.mode === 'hang') return; // never answers: only the judge's timeout or a shutdown ends the call
    if (stub.mode === 'down') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"down"}');
      return;
    }
    // A careless model (or a proxy in front of it) echoes who asked in its reason.
    const reason = `the refund amount differs (asked with ${req.headers.authorization ?? 'no key'})`;
    const content = JSON.stringify({ verdict: stub.mode === 'same' ? 'same' : 'regression', reason, confidence: 0.9 });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id: 'j', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
  });
  stub.url = `${await listen(stub.server)}/v1`;
  return stub;
}

interface ReportJson {
  verdict: string;
  extensionError?: string;
  categories: { name: string; label?: string; differences: { message: string }[] }[];
}

const judged = (report: ReportJson | null): string | undefined =>
  report?.categories.find((c) => c.label === 'llm_judge')?.differences[0]?.message;

describe('compare.judge in understudy start', () => {
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: 8 });
  let started: StartProcess | undefined;
  afterEach(() => {
    if (started !== undefined && started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
    started = undefined;
  });
  afterAll(async () => {
    await dispatcher.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  const api = async <T>(base: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await request(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: auth,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    });
    return { status: res.statusCode, json: (await res.body.json()) as T };
  };

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

  /** Starts a replay through the API, waits for its end, and returns its status and stored reports. */
  const replayOverApi = async (controlUrl: string, target: string) => {
    const created = await api<{ id: string }>(controlUrl, '/api/replays', { target, concurrency: 4 });
    expect(created.status).toBe(202);
    const { id } = created.json;
    const status = await eventually(async () => {
      const run = await api<{ status: string; active: boolean }>(controlUrl, `/api/replays/${id}`);
      return run.json.status !== 'running' && !run.json.active ? run.json.status : undefined;
    }, 60_000);
    const page = await api<{ items: { candidateId: string; verdict: string; report: ReportJson | null }[] }>(
      controlUrl,
      `/api/replays/${id}/comparisons?limit=100`,
    );
    return { status, items: page.json.items };
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
