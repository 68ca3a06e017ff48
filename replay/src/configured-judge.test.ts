import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalize, compareResponses } from '@understudy/compare';
import { parseConfig, seededRandom } from '@understudy/core';
import { afterAll, describe, expect, it } from 'vitest';
import { configuredJudge } from './configured-judge.js';

/** Secrets in the answers compared, as `understudy diff` reads them from files no capture redacted. */
const seeds = {
  pw: 'JudgeSeedPw-3317',
  token: 'Wq3Lx8Np2Zr7Kb4Vt9Mc6Hy1Gd5Fs0Ja2Ue8Io4R',
  vendor: 'hf_JudgeSeedTok3nAbCdEfGhIjKlMn02',
} as const;

const seen: string[] = [];
// A careless model that echoes its prompt in its reason.
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    seen.push(body);
    const user = (JSON.parse(body) as { messages: { role: string; content: string }[] }).messages[1]?.content ?? '';
    const content = JSON.stringify({ verdict: 'regression', reason: `differs: ${user.slice(0, 400)}`, confidence: 0.9 });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const chat = (content: string) =>
  canonicalize({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }),
  });

describe('configuredJudge', () => {
  it('sends the judge no secret of the answers, and keeps none its answer echoes', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const settings = parseConfig({ compare: { judge: { url, model: 'judge-mini' } } }).compare.judge;
    const judge = configuredJudge(settings, {}, { random: seededRandom(5) });
    if (judge === undefined) throw new Error('no judge configured');
    const original = chat(`Your password: ${seeds.pw}. Use ${seeds.token} to sign in.`);
    const candidate = chat(`Use ${seeds.vendor} to sign in; your password: ${seeds.pw}.`);
    const result = await judge.extension.compare(candidate, original, {
      endpoint: 'POST /v1/chat/completions',
      report: compareResponses(original, candidate),
    });
    await judge.close();
    expect(seen).toHaveLength(1);
    const message = (result.categories ?? []).map((c) => c.message).join('\n');
    expect(message).toContain('llm judge: regression');
    for (const s of Object.values(seeds)) {
      expect(seen[0], s).not.toContain(s);
      expect(message, s).not.toContain(s);
    }
    expect(seen[0]).toContain('[redacted:');
  });
});
