import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DivergenceReport } from '@understudy/compare';
import { type Config, parseConfig } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredJudge } from '../src/configured-judge.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, recordTraffic, tempStore } from './support.js';

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
});
