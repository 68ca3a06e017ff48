import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DivergenceReport } from '@understudy/compare';
import { type Config, parseConfig } from '@understudy/core';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredJudge } from '../src/configured-judge.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, listen, recordTraffic, tempStore } from './support.js';

// The optional LLM judge in a replay run, configured as `compare.judge` and asked over a real
// loopback socket (a stub OpenAI-compatible model), end to end through createReplayer.
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function stubModel(status: number, content: string) {
  const seen: { auth: string | undefined; user: string }[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { messages: { role: string; content: string }[] };
    seen.push({ auth: req.headers.authorization, user: body.messages.find((m) => m.role === 'user')?.content ?? '' });
    const answer = {
      id: 'j',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    };
    res.writeHead(status, { 'content-type': 'application/json' }).end(status < 400 ? JSON.stringify(answer) : '{"error":"down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const judgeConfig = (url: string, extra: Record<string, unknown> = {}): NonNullable<Config['compare']['judge']> => {
  const judge = parseConfig({ compare: { judge: { url, model: 'judge-mini', ...extra } } }).compare.judge;
  if (judge === undefined) throw new Error('compare.judge did not parse');
  return judge;
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function run(model: { url: string }, extra: Record<string, unknown> = {}) {
  const { store } = await tempStore();
  const production = await demoAgent('good', 5);
  cleanup.push(
    () => store.close(),
    () => production.close(),
  );
  await store.exchanges.insertMany(await recordTraffic(production.url, 4));
  await store.versions.upsert({ name: 'stable', upstream: production.url, headers: {} });
  const llm = configuredJudge(judgeConfig(model.url, extra), { UNDERSTUDY_JUDGE_API_KEY: 'sk-judge' });
  if (llm === undefined) throw new Error('no judge');
  const replayer = createReplayer({ store, extensions: [llm.extension] });
  cleanup.push(
    () => replayer.close(),
    () => llm.close(),
  );
  const created = await replayer.create({ target: production.url, baseline: 'stable' });
  const outcome = await replayer.run(created.id);
  const results = (await store.replays.listResults(created.id, { limit: 100 })).items.map((r) => ({
    ...r,
    report: r.report as DivergenceReport | null,
  }));
  return { outcome, results, stats: llm.stats() };
}

describe('compare.judge in replay runs', () => {
  it('is off unless configured', () => {
    expect(parseConfig({}).compare.judge).toBeUndefined();
    expect(configuredJudge(undefined, {})).toBeUndefined();
    expect(() => parseConfig({ compare: { judge: { url: 'ftp://x', model: 'm' } } })).toThrow();
  });

  it('asks the model once per pair with the baseline answer, folds its verdict in, and sends the key from the environment', async () => {
    const model = await stubModel(200, '{"verdict":"regression","reason":"the refund amount differs","confidence":0.9}');
    cleanup.push(model.close);
    const { outcome, results, stats } = await run(model);
    expect(outcome.run.status).toBe('completed');
    expect(results).toHaveLength(4);
    expect(model.seen).toHaveLength(4);
    expect(model.seen.every((s) => s.auth === 'Bearer sk-judge' && s.user.includes('OTHER PRODUCTION ANSWER 1'))).toBe(true);
    for (const r of results) {
      const judged = r.report?.categories.find((c) => c.label === 'llm_judge');
      expect(judged?.differences[0]?.message).toContain('the refund amount differs');
      expect(r.verdict).toBe('regression');
    }
    expect(stats).toMatchObject({ calls: 4, failed: 0 });
  });

  it('reports a failing model on each pair and keeps the rules’ verdicts; past maxCalls pairs are not judged', async () => {
    const down = await stubModel(500, '');
    cleanup.push(down.close);
    const failed = await run(down);
    expect(failed.outcome.run.status).toBe('completed');
    expect(failed.results.every((r) => r.report?.extensionError?.includes('judge endpoint answered 500'))).toBe(true);
    expect(failed.results.some((r) => r.verdict === 'regression')).toBe(false);

    const model = await stubModel(200, '{"verdict":"same","reason":"reworded","confidence":0.8}');
    cleanup.push(model.close);
    const bounded = await run(model, { maxCalls: 2 });
    expect(model.seen).toHaveLength(2);
    expect(bounded.results.filter((r) => r.report?.extensionError?.includes('budget spent'))).toHaveLength(2);
    expect(bounded.stats).toMatchObject({ calls: 2, skipped: 2 });
  });

  it('reports each way the judge fails on its own pair — timeout, 500, a body that is no JSON, an answer that is no verdict, a spent budget — and the run completes', async () => {
    // One pair per failure, told apart by what the user asked (the judge sees it in both answers).
    const cases = ['hang', 'down', 'garbage-body', 'garbage-verdict', 'fine', 'over-budget'];
    const hanging: (() => void)[] = [];
    const judgeServer = createServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as { messages: { role: string; content: string }[] };
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const answer = (content: string) =>
        JSON.stringify({ id: 'j', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] });
      if (user.includes('case hang')) hanging.push(() => res.destroy());
      else if (user.includes('case down')) res.writeHead(500).end('{"error":"down"}');
      else if (user.includes('case garbage-body')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [');
      else if (user.includes('case garbage-verdict')) res.writeHead(200).end(answer('{"verdict":"maybe","reason":"unsure"}'));
      else res.writeHead(200).end(answer('{"verdict":"same","reason":"the same answer","confidence":0.8}'));
    });
    await new Promise<void>((resolve) => judgeServer.listen(0, '127.0.0.1', resolve));
    cleanup.push(async () => {
      for (const h of hanging) h();
      await new Promise<void>((resolve) => judgeServer.close(() => resolve()));
    });
    // The target answers every request with what it was asked.
    const target = await listen(async (req) => {
      const asked = ((await req.json()) as { messages: { content: string }[] }).messages[0]?.content ?? '';
      return Response.json({
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: `You asked: ${asked}` } }],
      });
    });
    const { store } = await tempStore();
    cleanup.push(
      () => store.close(),
      () => target.close(),
    );
    await store.exchanges.insertMany(
      cases.map((c, i) =>
        testExchange(`01JUDGEFAILS${String(i).padStart(14, '0')}`, {
          startedAt: 1_000 + i,
          requestHeaders: { 'content-type': 'application/json' },
          requestBody: testJsonBody({ messages: [{ role: 'user', content: `case ${c}` }] }),
          responseHeaders: { 'content-type': 'application/json' },
          responseBody: testJsonBody({
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: `You asked: case ${c}` } }],
          }),
        }),
      ),
    );
    const { port } = judgeServer.address() as AddressInfo;
    // Five calls in all: the sixth pair (in order, one at a time) finds the budget spent.
    const llm = configuredJudge(judgeConfig(`http://127.0.0.1:${port}/v1`, { maxCalls: 5, timeoutMs: 300 }), {});
    if (llm === undefined) throw new Error('no judge');
    const replayer = createReplayer({ store, extensions: [llm.extension] });
    cleanup.push(
      () => replayer.close(),
      () => llm.close(),
    );
    const created = await replayer.create({ target: target.url, concurrency: 1 });
    const outcome = await replayer.run(created.id);
    expect(outcome.run.status).toBe('completed');
    const results = (await store.replays.listResults(created.id, { limit: 100 })).items;
    const errorOf = (c: string) =>
      (results.find((r) => r.exchangeId.endsWith(String(cases.indexOf(c))))?.report as DivergenceReport | null | undefined)?.extensionError;
    expect(results).toHaveLength(6);
    expect(errorOf('hang')).toMatch(/timeout/i);
    expect(errorOf('down')).toBe('judge endpoint answered 500');
    expect(errorOf('garbage-body')).toBe('judge endpoint answered no JSON');
    expect(errorOf('garbage-verdict')).toContain('judge answered no verdict');
    expect(errorOf('fine')).toBeUndefined();
    expect(errorOf('over-budget')).toContain('judge budget spent');
    // Every pair keeps the rules' verdict: the answers are the same, so each is a match.
    expect(results.map((r) => r.verdict)).toEqual(cases.map(() => 'match'));
    expect(llm.stats()).toEqual({ calls: 5, cached: 0, skipped: 1, failed: 4 });
  });
});
