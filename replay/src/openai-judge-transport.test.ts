import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyExtension, canonicalize, compareResponses, createLlmJudge } from '@understudy/compare';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiJudgeTransport } from './openai-judge-transport.js';

// A stub OpenAI-compatible model on a real loopback socket: the judge's real request path.
interface Stub {
  readonly url: string;
  readonly requests: {
    auth: string | undefined;
    body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown };
  }[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

type StubAnswer = { status: number; body: string } | 'hang' | { trickle: string; everyMs: number };

async function stub(answer: (user: string, auth: string | undefined, body: Stub['requests'][number]['body']) => StubAnswer): Promise<Stub> {
  const requests: Stub['requests'] = [];
  const hanging: (() => void)[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as Stub['requests'][number]['body'];
    requests.push({ auth: req.headers.authorization, body });
    const a = answer(body.messages.find((m) => m.role === 'user')?.content ?? '', req.headers.authorization, body);
    if (a === 'hang') {
      hanging.push(() => res.destroy());
      return;
    }
    if ('trickle' in a) {
      // A byte at a time: each chunk comes well within the dispatcher's body timeout.
      res.writeHead(200, { 'content-type': 'application/json' });
      let i = 0;
      const drip = setInterval(() => {
        if (res.destroyed || i >= a.trickle.length) {
          clearInterval(drip);
          res.end();
          return;
        }
        res.write(a.trickle[i++] ?? '');
      }, a.everyMs);
      hanging.push(() => {
        clearInterval(drip);
        res.destroy();
      });
      return;
    }
    res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const h of hanging) h();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const completion = (content: string) =>
  JSON.stringify({
    id: 'x',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
const chat = (content: string) => canonicalize({ status: 200, headers: { 'content-type': 'application/json' }, body: completion(content) });

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup(answer: Parameters<typeof stub>[0], limits = {}, headersTimeout = 5000, apiKey = 'sk-test') {
  const s = await stub(answer);
  const dispatcher = new Agent({ connections: 2, headersTimeout, bodyTimeout: headersTimeout });
  cleanup.push(
    () => s.close(),
    () => dispatcher.close(),
  );
  const judge = createLlmJudge({
    transport: createOpenAiJudgeTransport({ url: s.url, model: 'judge-mini', apiKey }, { dispatcher }),
    limits,
  });
  const run = async (original: string, candidate: string) => {
    const a = chat(original);
    const b = chat(candidate);
    return applyExtension(compareResponses(b, a), judge, b, a);
  };
  /** The judge's own answer for a pair (its rejection carries the failure's code). */
  const ask = (original: string, candidate: string) => {
    const a = chat(original);
    const b = chat(candidate);
    return judge.compare(b, a, { endpoint: '*', report: compareResponses(b, a) });
  };
  return { s, judge, run, ask };
}

describe('the optional LLM judge over an OpenAI-compatible endpoint', () => {
  it('asks for a structured verdict, folds a regression in, and caches by content', async () => {
    const { s, judge, run } = await setup(() => ({
      status: 200,
      body: completion('{"verdict":"regression","reason":"the pickup day changed from Tuesday to a weekend","confidence":0.9}'),
    }));
    const r = await run('The courier collects it on Tuesday.', 'The courier comes by early in the week.');
    expect(r.verdict).toBe('regression');
    expect(r.categories.find((c) => c.label === 'llm_judge')?.differences[0]?.message).toContain('pickup day changed');
    expect(s.requests[0]?.auth).toBe('Bearer sk-test');
    expect(s.requests[0]?.body.model).toBe('judge-mini');
    expect(s.requests[0]?.body.messages[1]?.content).toContain('CANDIDATE:\nThe courier comes by early in the week.');
    await run('The courier collects it on Tuesday.', 'The courier comes by early in the week.');
    expect(s.requests).toHaveLength(1);
    expect(judge.stats()).toMatchObject({ calls: 1, cached: 1 });
  });

  it('reports a failing endpoint, a non-verdict and a spent budget on the pair, and the rule-based report stands', async () => {
    let n = 0;
    const { s, run } = await setup(
      () => {
        n++;
        return n === 1
          ? { status: 500, body: '{"error":{"message":"boom"}}' }
          : { status: 200, body: completion('I think they are similar.') };
      },
      { maxCalls: 2 },
    );
    const failed = await run('Refunds take 5 days.', 'Refunds take five days.');
    expect(failed.extensionError).toBe('judge endpoint answered 500');
    expect(failed.verdict).not.toBe('regression');
    const unparsed = await run('Refunds take 6 days.', 'Refunds take six days.');
    expect(unparsed.extensionError).toContain('judge answered no verdict');
    const spent = await run('Refunds take 7 days.', 'Refunds take seven days.');
    expect(spent.extensionError).toContain('judge budget spent');
    expect(s.requests).toHaveLength(2);
  });

  it('spends its prompt budget (characters) before its calls: a pair past it is not sent', async () => {
    const { s, judge, run } = await setup(() => ({ status: 200, body: completion('{"verdict":"same","reason":"same","confidence":1}') }), {
      maxPromptChars: 1500,
    });
    const first = await run('Refunds take 5 days.', 'Refunds take five days.');
    expect(first.extensionError).toBeUndefined();
    const long = 'Refunds take five business days once the parcel is back at our warehouse. '.repeat(12);
    const spent = await run('Refunds take 5 days.', long);
    expect(spent.extensionError).toContain('judge budget spent');
    expect(s.requests).toHaveLength(1);
    expect(judge.stats()).toMatchObject({ calls: 1, skipped: 1 });
  });

  it('gives up on a model that never answers (the dispatcher timeout) without failing the run', async () => {
    const { run } = await setup(() => 'hang', {}, 300);
    const r = await run('The fee is $35.', 'The fee is $53.');
    expect(r.extensionError).toMatch(/timeout/i);
    expect(r.verdict).toBe('regression');
  });

  it('cuts a model that trickles its answer past timeoutMs (each byte within the dispatcher timeout), as a timeout', async () => {
    const answer = `${' '.repeat(40)}${completion('{"verdict":"same","reason":"same","confidence":1}')}`;
    const { ask } = await setup(() => ({ trickle: answer, everyMs: 50 }), { timeoutMs: 400 }, 2000);
    await expect(ask('The fee is $35.', 'The fee is $53.')).rejects.toMatchObject({
      code: 'timeout',
      message: 'judge call timeout: no complete answer in 400 ms',
    });
  });

  it('gives each failure its code: an error status, a body that is no completion, an answer that is no verdict, a dispatcher timeout', async () => {
    const answers: StubAnswer[] = [
      { status: 503, body: '{"error":"overloaded"}' },
      { status: 200, body: '{"choices": [' },
      { status: 200, body: '{"choices": []}' },
      { status: 200, body: completion('They look alike to me.') },
      'hang',
    ];
    let n = 0;
    const { ask } = await setup(() => answers[n++] ?? 'hang', {}, 300);
    await expect(ask('A 1.', 'B 1.')).rejects.toMatchObject({ code: 'error_status', message: 'judge endpoint answered 503' });
    await expect(ask('A 2.', 'B 2.')).rejects.toMatchObject({ code: 'bad_answer', message: 'judge endpoint answered no JSON' });
    await expect(ask('A 3.', 'B 3.')).rejects.toMatchObject({ code: 'bad_answer', message: 'judge endpoint answered no message content' });
    await expect(ask('A 4.', 'B 4.')).rejects.toMatchObject({ code: 'no_verdict' });
    await expect(ask('A 5.', 'B 5.')).rejects.toMatchObject({ code: 'timeout' });
  });

  it('falls back to asking without response_format when the endpoint refuses it (400 or 422), once per judge', async () => {
    // Many local OpenAI-compatible servers refuse one response_format or another with 400 (LM Studio
    // takes only json_schema, some servers none) and FastAPI-based ones with 422.
    for (const refusal of [400, 422]) {
      const { s, judge, ask } = await setup((_user, _auth, body) =>
        body.response_format === undefined
          ? { status: 200, body: completion('Sure.\n```json\n{"verdict":"regression","reason":"$35 became $53","confidence":0.8}\n```') }
          : { status: refusal, body: '{"error":{"message":"response_format is not supported"}}' },
      );
      await expect(ask('The fee is $35.', 'The fee is $53.')).resolves.toMatchObject({ score: 0.8 });
      await expect(ask('The fee is $12.', 'The fee is $21.')).resolves.toMatchObject({ score: 0.8 });
      // The first pair asked twice (with, then without); the endpoint's answer is remembered.
      expect(s.requests.map((r) => r.body.response_format === undefined)).toEqual([false, true, true]);
      expect(s.requests[1]?.body.messages[0]?.content).toContain('Answer with JSON only');
      expect(judge.stats()).toMatchObject({ calls: 2, failed: 0 });
    }
  });

  it('reports a pair whose endpoint refuses the request with and without response_format as error_status, one retry only', async () => {
    const { s, ask } = await setup(() => ({ status: 400, body: '{"error":{"message":"model not loaded"}}' }));
    await expect(ask('A 1.', 'B 1.')).rejects.toMatchObject({ code: 'error_status', message: 'judge endpoint answered 400' });
    await expect(ask('A 2.', 'B 2.')).rejects.toMatchObject({ code: 'error_status' });
    // Not a response_format problem: every pair still asks with it, and retries without it once.
    expect(s.requests.map((r) => r.body.response_format === undefined)).toEqual([false, true, false, true]);
  });

  it('never lets the API key an endpoint echoes back reach the report (a verdict’s reason, an answer that is no verdict)', async () => {
    const key = 'sk-judge-0123456789abcdefECHOED';
    const { run } = await setup(
      (user, auth) =>
        user.includes('$35')
          ? { status: 200, body: completion(`{"verdict":"regression","reason":"caller ${auth} sees the fee differ","confidence":0.9}`) }
          : { status: 200, body: completion(`Unauthorized? You sent "${auth}".`) },
      undefined,
      undefined,
      key,
    );
    const judged = await run('The fee is $35.', 'The fee is $53.');
    const refused = await run('The fee is $12.', 'The fee is $21.');
    const stored = JSON.stringify([judged, refused]);
    expect(judged.categories.find((c) => c.label === 'llm_judge')?.differences[0]?.message).toContain('sees the fee differ');
    expect(refused.extensionError).toContain('judge answered no verdict');
    expect(stored).toContain('[redacted:judge-api-key]');
    expect(stored).not.toContain(key);
  });
});
