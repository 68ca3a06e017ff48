/**
 * What the judge's process tests share: a stub OpenAI-compatible chat model (the judge) and
 * agents on loopback sockets, the control plane's API as a client sees it, and the checks that
 * a secret reached no file and that a metric has a value.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dispatcher, request } from 'undici';
import { expect } from 'vitest';
import { eventually } from './eventually.js';

export const token = 'judge-process-token';
export const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
/** The judge's API key: it must reach the judge and nothing else — no stored byte, no log line. */
export const judgeKey = 'sk-judge-process-0123456789-SECRET';

/** Every file under `dir` (the SQLite file, its WAL, the data directory) that holds `secret`. */
/**
 * A fresh directory holding an `understudy.config.json` that shadows every request to the candidate
 * at `candidateUrl` (rate 1), merged with `extra` config sections (a judge, OpenTelemetry).
 */
export function shadowConfigDir(prefix: string, candidateUrl: string, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(
    join(dir, 'understudy.config.json'),
    JSON.stringify({
      versions: [{ name: 'candidate', upstream: candidateUrl }],
      tap: { shadow: { version: 'candidate', rate: 1 } },
      ...extra,
    }),
  );
  return dir;
}

export function filesHolding(dir: string, secret: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesHolding(path, secret));
    else if (readFileSync(path).includes(secret)) found.push(path);
  }
  return found;
}

/** One sample of a Prometheus exposition (`name{labels} value`), or undefined when absent. */
export function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** An OpenAI-compatible chat agent that approves a refund of `amount` for whatever the user asked. */
export async function agent(amount: string): Promise<{ url: string; server: Server }> {
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
export async function stubJudge(): Promise<{
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

export interface ReportJson {
  verdict: string;
  extensionError?: string;
  categories: { name: string; label?: string; differences: { message: string }[] }[];
}

export const judged = (report: ReportJson | null): string | undefined =>
  report?.categories.find((c) => c.label === 'llm_judge')?.differences[0]?.message;

/** The control plane's API through `dispatcher`, and a replay started over it and waited for. */
export function controlApi(dispatcher: Dispatcher) {
  const api = async <T>(base: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await request(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: auth,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    });
    return { status: res.statusCode, json: (await res.body.json()) as T };
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
  return { api, replayOverApi };
}
