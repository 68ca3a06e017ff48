import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { exchangeToJson } from '@understudy/server';
import { openStore } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { type CapturedIo, captureIo } from '../../test/capture-io.js';
import { UsageError } from '../cli-io.js';
import { run } from '../run.js';
import { runDiff } from './diff.js';

function setup(isTty = false): CapturedIo & { file: (name: string, body: string) => string } {
  const c = captureIo({ isTty });
  const file = (name: string, body: string): string => {
    writeFileSync(join(c.dir, name), body);
    return name;
  };
  return { ...c, file };
}

const completion = (content: string | null, toolCalls: { name: string; args: unknown }[] = [], id = 'chatcmpl-1') =>
  JSON.stringify({
    id,
    object: 'chat.completion',
    created: 1,
    model: 'agent',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          tool_calls: toolCalls.map((t, i) => ({
            id: `call_${i}`,
            type: 'function',
            function: { name: t.name, arguments: JSON.stringify(t.args) },
          })),
        },
        finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
      },
    ],
  });

const sse = (text: string) =>
  `${text
    .split(' ')
    .map(
      (w, i) =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: i === 0 ? w : ` ${w}` }, finish_reason: null }] })}\n\n`,
    )
    .join(
      '',
    )}data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;

const answer = 'You can return the shoes within thirty days. Refunds reach your card within a week.';

describe('understudy diff', () => {
  it('exits 0 on a match: a JSON body against the same answer streamed as SSE', async () => {
    const t = setup();
    const code = await runDiff([t.file('a.json', completion(answer)), t.file('b.sse', sse(answer))], t.io);
    expect(code).toBe(0);
    expect(t.out()).toContain('verdict MATCH');
  });

  it('exits 1 on a regression (wrong tool) and prints which call changed', async () => {
    const t = setup();
    const a = t.file('a.json', completion(null, [{ name: 'get_weather', args: { city: 'Paris' } }]));
    const b = t.file('b.json', completion(null, [{ name: 'search_docs', args: { query: 'weather Paris' } }], 'chatcmpl-2'));
    expect(await runDiff([a, b], t.io)).toBe(1);
    expect(t.out()).toContain('tool_name');
    expect(t.out()).toContain('REGRESSION');
  });

  it('exits 0 for paraphrase noise, and --json prints a report that parses', async () => {
    const t = setup();
    const code = await runDiff(
      [
        t.file('a.json', completion(answer)),
        t.file('b.json', completion('Refunds reach your card within a week. You may return the shoes within thirty days.')),
        '--json',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(t.out()) as { verdict: string; categories: { name: string }[] };
    expect(report.verdict).toBe('noise');
    expect(report.categories.map((c) => c.name)).toContain('text');
  });

  it('takes exported exchanges and uses --baseline pairs as production noise', async () => {
    const t = setup();
    const exchange = (body: object, status = 200) =>
      JSON.stringify({
        id: 'x1',
        startedAt: 0,
        method: 'POST',
        path: '/v1/plan',
        query: '',
        requestHeaders: {},
        requestBody: { base64: '', size: 0, truncated: false },
        status,
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: { base64: Buffer.from(JSON.stringify(body)).toString('base64'), size: 10, truncated: false },
        streamed: false,
        sseEvents: null,
        ttfbMs: 2,
        durationMs: 10,
        version: 'stable',
        role: 'live',
        parentId: null,
        usage: { inputTokens: null, outputTokens: null, costUsd: null },
        error: null,
      });
    const a = t.file('a.jsonl', `${exchange({ team: 'a', confidence: 0.7 })}\n`);
    const b = t.file('b.jsonl', exchange({ team: 'b', confidence: 0.9 }));
    const c = t.file('c.jsonl', exchange({ team: 'a', confidence: 0.8 }));
    // confidence differs between the two production answers: noise; team does not: regression.
    expect(await runDiff([a, b, '--baseline', c, '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.out()) as {
      endpoint: string;
      noiseApplied: boolean;
      categories: { name: string; differences: { path: string; explainedByNoise?: boolean }[] }[];
    };
    expect(report.endpoint).toBe('POST /v1/plan');
    expect(report.noiseApplied).toBe(true);
    const schema = report.categories.find((x) => x.name === 'schema');
    expect(schema?.differences.find((d) => d.path === '$.confidence')?.explainedByNoise).toBe(true);
    expect(schema?.differences.find((d) => d.path === '$.team')?.explainedByNoise).toBeUndefined();
  });

  it('shows fact evidence, and judges a shorter paraphrase against one baseline as noise (not a too-tight floor)', async () => {
    const t = setup();
    const original = completion(
      'I have waived the $35 overdraft charge. The refund reaches your account within 2 business days, and your balance will then be $410.',
    );
    const changed = completion(
      'I have waived the $53 overdraft charge. The refund reaches your account within 2 business days, and your balance will then be $410.',
    );
    const shorter = completion('Done: the $35 overdraft fee is waived; expect it back in 2 business days.');
    const baseline = completion(
      'The $35 overdraft charge has been waived. You will see the money back within 2 business days, bringing your balance to $410.',
    );
    const [a, b, s, base] = [
      t.file('a.json', original),
      t.file('b.json', changed),
      t.file('s.json', shorter),
      t.file('base.json', baseline),
    ];
    expect(await runDiff([a, b, '--baseline', base], t.io)).toBe(1);
    expect(t.out()).toContain('$35 → $53');
    const u = setup();
    u.file('a.json', original);
    u.file('s.json', shorter);
    u.file('base.json', baseline);
    expect(await runDiff([a, s, '--baseline', base], u.io)).toBe(0);
    void s;
  });

  it('compares stored exchanges by id (baselines too) and the API exchange JSON, and names the fact that changed', async () => {
    const t = setup();
    const exchange = (id: string, content: string): Exchange => ({
      id,
      startedAt: 1_760_000_000_000,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: {},
      requestBody: { bytes: new Uint8Array(0), size: 0, truncated: false },
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: { bytes: new TextEncoder().encode(completion(content, [], id)), size: 100, truncated: false },
      streamed: false,
      sseEvents: null,
      ttfbMs: 2,
      durationMs: 10,
      version: 'stable',
      role: 'live',
      parentId: null,
      usage: { inputTokens: null, outputTokens: null, costUsd: null },
      error: null,
    });
    const original = exchange('ex_orig', 'Your table at Casa Azul is booked for 7pm on Friday, reference QX4821.');
    const baseline = exchange('ex_base', 'I booked Casa Azul for Friday at 7pm; your reference is QX4821.');
    const candidate = exchange('ex_cand', 'Your table at Casa Azul is booked for 8pm on Friday, reference QX4821.');
    const store = await openStore({ url: t.io.env.UNDERSTUDY_DB ?? '' });
    try {
      await store.exchanges.insertMany([original, baseline, candidate]);
    } finally {
      await store.close();
    }
    expect(await run(['diff', 'ex_orig', 'ex_cand', '--baseline', 'ex_base'], t.io)).toBe(1);
    expect(t.out()).toContain('7pm → 8pm');
    expect(t.out()).toContain('endpoint POST /v1/chat/completions');
    const u = setup();
    u.file('orig.json', JSON.stringify(exchangeToJson(original)));
    u.file('same.json', JSON.stringify(exchangeToJson(baseline)));
    expect(await runDiff(['orig.json', 'same.json'], u.io)).toBe(0);
    expect(await run(['diff', 'ex_nowhere', 'ex_cand'], t.io)).toBe(2);
    expect(t.err()).toContain('no file and no stored exchange named ex_nowhere');
  });

  it('reads exchange ids only from a database that exists: a missing UNDERSTUDY_DB is named, never created', async () => {
    const t = setup();
    const db = join(t.dir, 'typo', 'understudy.db');
    const io = { ...t.io, env: { ...t.io.env, UNDERSTUDY_DB: db } };
    expect(await run(['diff', 'ex_a', 'ex_b'], io)).toBe(2);
    expect(t.err()).toBe(`understudy diff: no file named ex_a, and no database at ${db} (UNDERSTUDY_DB) to read an exchange id from\n`);
    expect(existsSync(join(t.dir, 'typo'))).toBe(false);
  });

  it('asks the optional LLM judge only with --judge, sends the key from the environment, and notes its failure without failing', async () => {
    const seen: { auth: string | undefined; model: string }[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, model: (JSON.parse(body) as { model: string }).model });
        const verdict = '{"verdict":"regression","reason":"the sizes differ: 42 vs 44","confidence":0.8}';
        res.writeHead(status, { 'content-type': 'application/json' }).end(completion(verdict));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const t = captureIo({ env: { UNDERSTUDY_JUDGE_API_KEY: 'sk-judge' } });
      writeFileSync(join(t.dir, 'a.json'), completion('Size 42 fits you best.'));
      writeFileSync(join(t.dir, 'b.json'), completion('A 42 should fit you best.'));
      expect(await runDiff(['a.json', 'b.json'], t.io)).toBe(0);
      expect(seen).toHaveLength(0);
      expect(await runDiff(['a.json', 'b.json', '--judge', url, '--judge-model', 'small-judge'], t.io)).toBe(1);
      expect(seen).toEqual([{ auth: 'Bearer sk-judge', model: 'small-judge' }]);
      expect(t.out()).toContain('llm judge: regression: the sizes differ');
      status = 503;
      const u = captureIo();
      writeFileSync(join(u.dir, 'a.json'), completion('Size 42 fits you best.'));
      writeFileSync(join(u.dir, 'b.json'), completion('A 42 should fit you best.'));
      expect(await runDiff(['a.json', 'b.json', '--judge', url, '--judge-model', 'small-judge'], u.io)).toBe(0);
      expect(u.out()).toContain('extension error: judge endpoint answered 503');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('runs a user extension and reports its failure on the pair without failing the command', async () => {
    const t = setup();
    t.file(
      'judge.mjs',
      'export async function compare(c, o) { return { score: c.text === o.text ? 0 : 0.95, categories: [{ label: "llm_judge", score: 0.95 }] }; }',
    );
    t.file('broken.mjs', 'export function compare() { throw new Error("judge down"); }');
    const a = t.file('a.txt', 'The total is 42 euros.');
    const b = t.file('b.txt', 'The total is 24 euros.');
    expect(await runDiff([a, b, '--extension', 'judge.mjs'], t.io)).toBe(1);
    expect(t.out()).toContain('extension:llm_judge');
    const u = setup();
    u.file('broken.mjs', 'export function compare() { throw new Error("judge down"); }');
    const code = await runDiff([u.file('a.txt', 'same words.'), u.file('b.txt', 'same words.'), '--extension', 'broken.mjs'], u.io);
    expect(code).toBe(0);
    expect(u.out()).toContain('extension error: judge down');
  });

  it('colours the report on a terminal', async () => {
    const t = setup(true);
    await runDiff([t.file('a.txt', 'the quick brown fox.'), t.file('b.txt', 'the slow brown fox.')], t.io);
    expect(t.out()).toContain('\u001b[');
  });

  it('exits 2 on bad input through the command registry', async () => {
    const t = setup();
    expect(await run(['diff', 'only-one.json'], t.io)).toBe(2);
    expect(t.err()).toContain('two files or exchange ids');
    expect(await run(['diff', 'missing.json', 'missing2.json'], t.io)).toBe(2);
    expect(t.err()).toContain('no such file: missing.json');
    await expect(runDiff(['a', 'b', '--bogus'], t.io)).rejects.toBeInstanceOf(UsageError);
    const broken = t.file('x.json', '{}');
    expect(await run(['diff', broken, broken, '--extension', 'nope.mjs'], t.io)).toBe(2);
    // A judge that is no http(s) URL is a usage error, not a per-pair failure.
    const before = t.err().length;
    expect(await run(['diff', broken, broken, '--judge', 'localhost:11434/v1', '--judge-model', 'm'], t.io)).toBe(2);
    const line = t.err().slice(before);
    expect(line).toMatch(/^understudy diff: --judge localhost:11434\/v1 --judge-model m: url: .+\n$/);
  });
});
