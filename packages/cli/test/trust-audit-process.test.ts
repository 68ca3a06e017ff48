/**
 * What the trust audit of 2026-12-03 found, as a user meets it on real processes: `understudy start`
 * in front of an agent that echoes what it was sent, with a live shadow to a candidate that does
 * the same. Secrets that a rule finds only by their context (a random token as a URL path segment,
 * a password after a label in another language) are echoed without it; an answer holds a reset
 * link whose token is a path segment of a URL in its text; a stream carries keys in
 * its `id:` field and a comment line; `understudy replay` is given a target URL with a key in its
 * query; headers past the limit go to the tap and the control plane. No secret may reach a stored
 * byte (the SQLite file and its WAL, read raw, in every encoded form), the API or a log line, and
 * the refused requests get the contract's typed errors.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { auth, filesHolding, listen, readBody, shadowConfigDir, token } from './judge-stubs.js';
import { rawExchange } from './raw-exchange.js';
import { processFixture, secretSpellings } from './secret-paths-support.js';
import { runCli } from './spawn-cli.js';
import { startUnderstudy } from './start-process.js';

const seeds = {
  pathToken: 'Tq7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoU',
  dePw: 'AuditKuchen-4471',
  idKey: 'sk-proj-AuditSseId0123456789abcdefghijklmnopqrstuv',
  commentKey: 'ghp_AuditSseComment0123456789abcdefghij',
  targetKey: 'AuditTargetKey-0123456789',
  resetToken: 'Rk4Wq9Zx2Vb7Np3Lc8Hy6Gd1Fs5Ja0Ue2Io7Tm',
} as const;

/** An agent that answers with what it was sent: the URL it was called with, the password it was told (alone), or a stream. */
async function echoAgent(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { messages?: { content: string }[] };
    if (req.url?.startsWith('/v1/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        `id: ${seeds.idKey}\ndata: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n: debug ${seeds.commentKey}\n\ndata: [DONE]\n\n`,
      );
      return;
    }
    const asked = body.messages?.at(-1)?.content ?? '';
    const told = /Passwort: (\S+)/.exec(asked)?.[1];
    // A reset link: its credential is a path segment of a URL written in the answer, with no label.
    const content = told === undefined ? 'ok' : `Saved "${told}" as your new one. Undo: https://app.example.com/reset/${seeds.resetToken}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ path: req.url, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
  });
  return { url: await listen(server), server };
}

describe('the trust audit on understudy start: echoed secrets, stream fields, a target URL, bad requests', () => {
  const { servers, dispatcher } = processFixture();

  it('leaves no seeded secret in a stored byte, the API or a log, and answers bad input with typed errors', async () => {
    const production = await echoAgent();
    const candidate = await echoAgent();
    servers.push(production.server, candidate.server);
    const dir = shadowConfigDir('us-trust-audit-', candidate.url);
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    const started = await startUnderstudy(['--upstream', production.url], env, dir);
    try {
      const send = async (path: string, content: string) => {
        const res = await request(`${started.tapUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'agent', messages: [{ role: 'user', content }] }),
          dispatcher,
        });
        return res.body.text();
      };
      // The client gets what the agent said, secrets and all: only what is stored is redacted.
      expect(await send(`/v1/keys/${seeds.pathToken}/rotate`, 'rotate it')).toContain(seeds.pathToken);
      expect(await send('/v1/chat/completions', `Passwort: ${seeds.dePw}`)).toContain(seeds.dePw);
      expect(await send('/v1/stream', 'stream please')).toContain(seeds.idKey);

      // Three live exchanges and their three shadow copies, compared.
      await eventually(async () => {
        const res = await request(`${started.controlUrl}/api/comparisons?source=shadow&limit=50`, { headers: auth, dispatcher });
        return ((await res.body.json()) as { items: unknown[] }).items.length >= 3 ? true : undefined;
      }, 60_000);
      let api = '';
      const list = (await (await request(`${started.controlUrl}/api/exchanges?limit=50`, { headers: auth, dispatcher })).body.json()) as {
        items: { id: string }[];
      };
      expect(list.items.length).toBeGreaterThanOrEqual(6);
      for (const { id } of list.items) {
        const one = (await (
          await request(`${started.controlUrl}/api/exchanges/${id}`, { headers: auth, dispatcher })
        ).body.json()) as Record<string, { encoding?: string; text?: string }>;
        api += JSON.stringify(one);
        for (const body of [one.requestBody, one.responseBody])
          if (body?.encoding === 'base64') api += Buffer.from(body.text ?? '', 'base64').toString('utf8');
      }

      // A replay target URL with a key in its query: refused in one line, nothing stored.
      const replay = await runCli(['replay', '--target', `http://127.0.0.1:9/v1?api_key=${seeds.targetKey}`, '--retries', '0'], env, dir);
      expect(replay.code).toBe(2);
      expect(replay.stderr.trim().split('\n')).toHaveLength(1);
      expect(replay.stderr).toMatch(/must not carry a query/);

      // Headers past the limit: the contract's JSON error from the tap and the control plane.
      for (const url of [started.tapUrl, started.controlUrl]) {
        const answer = await rawExchange(
          Number(new URL(url).port),
          `GET /v1/x HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
        );
        expect(answer).toMatch(/^HTTP\/1\.1 431 /);
        expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toEqual({
          error: { code: 'headers_too_large', message: expect.any(String) },
        });
      }

      // Read while the process runs too, so the WAL is scanned before a checkpoint folds it in.
      const whileRunning = Object.values(seeds).flatMap((s) =>
        secretSpellings(s).flatMap((f) => filesHolding(dir, f).map((file) => `${s} in ${file}`)),
      );
      started.cli.child.kill('SIGTERM');
      expect(await started.cli.exit).toBe(0);
      const places: Record<string, string> = {
        api,
        logs: started.cli.stdout() + started.cli.stderr(),
        replay: replay.stdout + replay.stderr,
      };
      expect(api).toContain('[redacted:');
      for (const [place, text] of Object.entries(places))
        expect(
          Object.values(seeds).filter((s) => secretSpellings(s).some((f) => text.includes(f))),
          place,
        ).toEqual([]);
      const afterStop = Object.values(seeds).flatMap((s) =>
        secretSpellings(s).flatMap((f) => filesHolding(dir, f).map((file) => `${s} in ${file}`)),
      );
      // The config file names no secret; everything else in the directory is Understudy's.
      expect([...whileRunning, ...afterStop]).toEqual([]);
    } finally {
      if (started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
    }
  }, 150_000);
});
