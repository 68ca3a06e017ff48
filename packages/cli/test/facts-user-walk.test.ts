/**
 * Issue 11 as a user meets it, end to end on real parts: `understudy start` in front of a
 * production agent with a live shadow to a candidate and the optional LLM judge (a stub
 * OpenAI-compatible model on a loopback socket); the changed facts and typed tool arguments named
 * in the API, in the dashboard (real Chromium) and by `understudy diff` on the stored exchanges,
 * on the API's exchange JSON saved to files, and on lines of `understudy export`.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { listen, readBody, shadowConfigDir } from './judge-stubs.js';
import { runCli } from './spawn-cli.js';
import { type StartProcess, startUnderstudy } from './start-process.js';

const chromiumPath = '/usr/bin/chromium';
const token = 'facts-walk-token-0123456789';
const judgeKey = 'sk-facts-walk-judge-0123456789';

interface Answers {
  readonly fee: string;
  readonly booking: { date: string; slot: string; record: string };
}

/** An OpenAI-compatible agent: a fee question gets prose, a booking request a tool call. */
async function agent(a: Answers): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { messages?: { content: string }[] };
    const asked = body.messages?.at(-1)?.content ?? '';
    const message = asked.includes('book')
      ? {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'book_visit', arguments: JSON.stringify(a.booking) } }],
        }
      : { role: 'assistant', content: a.fee };
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: 'agent',
        choices: [{ index: 0, message, finish_reason: asked.includes('book') ? 'tool_calls' : 'stop' }],
      }),
    );
  });
  return { url: await listen(server), server };
}

/** The judge: a verdict for the fee answer, a 500 for the booking (a failure noted on that pair). */
async function stubJudge(): Promise<{ url: string; server: Server; calls: number }> {
  const stub = { url: '', server: createServer(), calls: 0 };
  stub.server.on('request', async (req, res) => {
    stub.calls++;
    const body = JSON.parse(await readBody(req)) as { messages: { role: string; content: string }[] };
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    if (user.includes('book_visit')) {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"overloaded"}');
      return;
    }
    const content = '{"verdict":"regression","reason":"the waived fee is $53 instead of $35","confidence":0.95}';
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
  });
  stub.url = `${await listen(stub.server)}/v1`;
  return stub;
}

const production: Answers = {
  fee: "We've waived the $35 overdraft charge. You don't need a referral to see the specialist.",
  booking: { date: '2026-12-03', slot: 'morning', record: '/records/2026/a.pdf' },
};
const candidate: Answers = {
  fee: "We've waived the $53 overdraft charge. You do need a referral to see the specialist.",
  booking: { date: '2026-12-05', slot: 'evening', record: '/records/2026/./a.pdf' },
};

describe.skipIf(!existsSync(chromiumPath) && process.env.UNDERSTUDY_REQUIRE_CHROMIUM !== '1')('issue 11 as a user meets it', () => {
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: 4 });
  let started: StartProcess | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    if (started !== undefined && started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
    await dispatcher.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  it('names the changed values in the API, the dashboard and understudy diff (ids, API JSON, export lines), with the judge on the pair', async () => {
    const v1 = await agent(production);
    const v2 = await agent(candidate);
    const judge = await stubJudge();
    servers.push(v1.server, v2.server, judge.server);
    const dir = shadowConfigDir('us-facts-walk-', v2.url, { compare: { judge: { url: judge.url, model: 'judge-mini' } } });
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token, UNDERSTUDY_JUDGE_API_KEY: judgeKey };
    started = await startUnderstudy(['--upstream', v1.url], env, dir);
    const { tapUrl, controlUrl } = started;
    const auth = { authorization: `Bearer ${token}` };
    const api = async <T>(path: string): Promise<T> => {
      const res = await request(`${controlUrl}${path}`, { headers: auth, dispatcher });
      expect(res.statusCode).toBe(200);
      return (await res.body.json()) as T;
    };
    for (const content of ['What about the overdraft fee and the referral?', 'Please book my visit.']) {
      const res = await request(`${tapUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'agent', messages: [{ role: 'user', content }] }),
        dispatcher,
      });
      expect(res.statusCode).toBe(200);
      await res.body.text();
    }

    // The API: both shadow comparisons, their evidence naming the values.
    type Detail = {
      id: string;
      original: { id: string };
      report: {
        verdict: string;
        extensionError?: string;
        categories: { name: string; label?: string; differences: { kind: string; message?: string }[] }[];
      };
    };
    const items = await eventually(async () => {
      const page = await api<{ items: { id: string }[] }>('/api/comparisons?source=shadow');
      return page.items.length === 2 ? page.items : undefined;
    }, 30_000);
    const details = await Promise.all(items.map((i) => api<Detail>(`/api/comparisons/${i.id}`)));
    const messages = (d: Detail, name: string) =>
      d.report.categories.filter((c) => c.name === name).flatMap((c) => c.differences.map((x) => x.message ?? ''));
    const fees = details.find((d) => messages(d, 'fact').length > 0);
    const booking = details.find((d) => messages(d, 'tool_call').length > 0);
    if (fees === undefined || booking === undefined)
      throw new Error(`expected a fact and a tool-call comparison: ${JSON.stringify(details)}`);
    expect(fees.report.verdict).toBe('regression');
    expect(messages(fees, 'fact')).toEqual(
      expect.arrayContaining([expect.stringContaining('$35 → $53'), expect.stringContaining("don't need a referral → do need a referral")]),
    );
    expect(fees.report.categories.find((c) => c.label === 'llm_judge')?.differences[0]?.message).toContain(
      'the waived fee is $53 instead of $35',
    );
    // Typed arguments: the date and the slot changed; the same file written with "./" did not.
    expect(messages(booking, 'tool_call')).toEqual(
      expect.arrayContaining([expect.stringContaining('date 2026-12-03 → 2026-12-05'), expect.stringContaining('enum morning → evening')]),
    );
    expect(messages(booking, 'tool_call').some((m) => m.includes('record'))).toBe(false);
    expect(booking.report.extensionError).toBe('judge endpoint answered 500');
    expect(booking.report.verdict).toBe('regression');

    // The dashboard in Chromium, signed in from the link the banner prints.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${controlUrl}/login?next=${encodeURIComponent(`/comparisons/${fees.id}`)}#token=${token}`);
    await page.waitForURL(`${controlUrl}/comparisons/${fees.id}`);
    const facts = await page.locator('#changed-facts').innerText();
    expect(facts).toContain('$35 → $53');
    expect(facts).toContain("don't need a referral → do need a referral");
    expect(await page.locator('body').innerText()).toContain('the waived fee is $53 instead of $35');
    await page.goto(`${controlUrl}/comparisons/${booking.id}`);
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('date 2026-12-03 → 2026-12-05');
    expect(shown).toContain('enum morning → evening');
    expect(shown).toContain('judge endpoint answered 500');

    // understudy diff on the stored exchanges by id, on the API's exchange JSON, and on export lines.
    const byId = await runCli(['diff', fees.original.id, fees.id], env, dir);
    expect(byId.code).toBe(1);
    expect(byId.stdout).toContain('$35 → $53');
    expect(byId.stdout).toContain("don't need a referral → do need a referral");
    for (const [name, id] of [
      ['original.json', booking.original.id],
      ['candidate.json', booking.id],
    ] as const)
      writeFileSync(join(dir, name), JSON.stringify(await api<unknown>(`/api/exchanges/${id}`)));
    const byJson = await runCli(['diff', 'original.json', 'candidate.json'], env, dir);
    expect(byJson.code).toBe(1);
    expect(byJson.stdout).toContain('date 2026-12-03 → 2026-12-05');
    const exported = await runCli(['export'], env, dir);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    const lineOf = (id: string) => lines.find((l) => (JSON.parse(l) as { id: string }).id === id) ?? '';
    writeFileSync(join(dir, 'a.jsonl'), lineOf(fees.original.id));
    writeFileSync(join(dir, 'b.jsonl'), lineOf(fees.id));
    const byExport = await runCli(['diff', 'a.jsonl', 'b.jsonl', '--json'], env, dir);
    expect(byExport.code).toBe(1);
    expect(byExport.stdout).toContain('$35 → $53');

    // The key reached the judge only.
    expect(byId.stdout + byJson.stdout + exported.stdout + started.cli.stdout() + started.cli.stderr()).not.toContain(judgeKey);
    started.cli.child.kill('SIGTERM');
    expect(await started.cli.exit).toBe(0);
  }, 120_000);
});

describe('understudy diff on text in any language', () => {
  it('never crashes: every script, mixed directions, combining marks, emoji, lone surrogates and control characters give a report (exit 0 or 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-facts-languages-'));
    const pairs: [string, string][] = [
      ['返金額は3,500円です。紹介状は必要ありません。', '返金額は5,300円です。紹介状が必要です。'],
      ['لا تحتاج إلى إحالة. تم إلغاء رسوم 35 دولارًا.', 'تحتاج إلى إحالة. تم إلغاء رسوم 53 دولارًا.'],
      ['आपको रेफरल की ज़रूरत नहीं है। शुल्क ₹350 माफ़ है।', 'आपको रेफरल की ज़रूरत है। शुल्क ₹530 माफ़ है।'],
      [
        'Sie müssen keine Überweisung vorlegen. Die Gebühr von 35 € entfällt.',
        'Sie müssen eine Überweisung vorlegen. Die Gebühr von 53 € entfällt.',
      ],
      ['Вам не нужно направление. Комиссия 35 ₽ отменена.', 'Вам нужно направление. Комиссия 53 ₽ отменена.'],
      ['אין צורך בהפניה. order A-1042 ships 2026-12-03 🚚', 'יש צורך בהפניה. order A-1024 ships 2026-12-05 🚚'],
      ['e\u0301\u0301\u0301 \u202eRTL override\u202c 👩🏽‍⚕️ \ud800 \u0000\u0007 ǅ İ ß', '\udfff \u200b\u200b ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u0000'],
      ['', '   \n\t '],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      const body = (content: string) =>
        JSON.stringify({
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        });
      writeFileSync(join(dir, `a${i}.json`), body(a));
      writeFileSync(join(dir, `b${i}.json`), body(b));
      const out = await runCli(['diff', `a${i}.json`, `b${i}.json`], {}, dir);
      expect(out.stderr, `pair ${i}`).toBe('');
      expect([0, 1], `pair ${i}: ${out.stdout}`).toContain(out.code);
      expect(out.stdout).toMatch(/^verdict (MATCH|NOISE|REGRESSION)/);
    }
  }, 120_000);
});
