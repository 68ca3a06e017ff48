import { appendFileSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Exchange, type Logger, noUsage, seededRandom } from '@understudy/core';
import { createDemoAgentApp, demoToolDefinitions } from '@understudy/demo-agent';
import { openStore, type Store } from '@understudy/store';
import type { Hono } from 'hono';

/** A listening server on 127.0.0.1 with an ephemeral port. */
export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

export function listen(app: Hono | ((req: Request) => Response | Promise<Response>)): Promise<Running> {
  const fetch = typeof app === 'function' ? app : app.fetch;
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}

export function demoAgent(variant: 'good' | 'regressed', seed: number): Promise<Running> {
  return listen(createDemoAgentApp({ variant, random: seededRandom(seed) }));
}

export async function tempStore(): Promise<{ store: Store; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'us-replay-')), 'u.db');
  return { store: await openStore({ url: file }), file };
}

const tools = demoToolDefinitions;

/** The i-th of a fixed mix of customer requests: refunds, lookups and questions. */
export function customerRequest(i: number): Record<string, unknown> {
  const kind = i % 3;
  const content =
    kind === 0
      ? `Please refund $${10 + (i % 40)} for order #${10000 + i}`
      : kind === 1
        ? `Where is my order #${20000 + i}?`
        : 'How long does shipping take?';
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content }], tools };
}

const encoder = new TextEncoder();

/**
 * Records `n` real exchanges against an agent, as the tap would have stored them (ids in
 * start order, one second apart from `start`).
 */
export async function recordTraffic(agentUrl: string, n: number, start = 1_700_000_000_000, gapMs = 1000): Promise<Exchange[]> {
  const out: Exchange[] = [];
  for (let i = 0; i < n; i++) {
    const body = encoder.encode(JSON.stringify(customerRequest(i)));
    const res = await fetch(`${agentUrl}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const bytes = new Uint8Array(await res.arrayBuffer());
    out.push({
      id: `01ORIG${String(i).padStart(20, '0')}`,
      startedAt: start + i * gapMs,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: { 'content-type': 'application/json', 'x-understudy-version': 'forged', 'x-request-seq': String(i) },
      requestBody: { bytes: body, size: body.length, truncated: false },
      status: res.status,
      responseHeaders: { 'content-type': res.headers.get('content-type') ?? '' },
      responseBody: { bytes, size: bytes.length, truncated: false },
      streamed: false,
      sseEvents: null,
      ttfbMs: 1,
      durationMs: 2,
      version: 'stable',
      role: 'live',
      parentId: null,
      usage: noUsage,
      error: null,
    });
  }
  return out;
}

/** A logger that writes every line to a file, as the CLI's does. */
export function fileLogger(file: string): Logger {
  const write = (level: string) => (obj: object | string, msg?: string) =>
    appendFileSync(file, `${JSON.stringify({ level, obj: obj instanceof Error ? String(obj) : obj, msg })}\n`);
  const logger: Logger = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: () => logger };
  return logger;
}

/** One side of a HAR entry: headers, and a body with its media type. */
export interface HarMessage {
  readonly headers: Record<string, string>;
  readonly mimeType: string;
  readonly text: string;
}

/** A HAR file of one POST to `url` and its reply (as a browser or a proxy exports it). */
export function harOf(url: string, request: HarMessage, response: HarMessage & { readonly status: number }): string {
  const pairs = (h: Record<string, string>) => Object.entries(h).map(([name, value]) => ({ name, value }));
  return JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-30T10:00:00.000Z',
          time: 12,
          request: { method: 'POST', url, headers: pairs(request.headers), postData: { mimeType: request.mimeType, text: request.text } },
          response: {
            status: response.status,
            headers: pairs(response.headers),
            content: { mimeType: response.mimeType, text: response.text },
          },
        },
      ],
    },
  });
}

/** Waits (a bounded number of turns of the event loop, never a timer) until `check` holds. */
export async function untilTrue(check: () => Promise<boolean>, turns = 500): Promise<void> {
  for (let i = 0; i < turns && !(await check()); i++) await new Promise((r) => setImmediate(r));
}

/** One line of an `understudy export` JSONL file: a live exchange with these parts, bodies in base64. */
export function jsonlLineOf(e: {
  readonly id: string;
  readonly path: string;
  readonly query: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestText: string;
  readonly responseHeaders: Record<string, string>;
  readonly responseText: string;
}): string {
  const body = (s: string) => ({ base64: Buffer.from(s).toString('base64'), size: Buffer.byteLength(s), truncated: false });
  return `${JSON.stringify({
    id: e.id,
    startedAt: 1,
    method: 'POST',
    path: e.path,
    query: e.query,
    requestHeaders: e.requestHeaders,
    requestBody: body(e.requestText),
    status: 200,
    responseHeaders: e.responseHeaders,
    responseBody: body(e.responseText),
    streamed: false,
    sseEvents: null,
    ttfbMs: 1,
    durationMs: 2,
    version: 'jsonl',
    role: 'live',
    parentId: null,
    usage: { inputTokens: null, outputTokens: null, costUsd: null },
    error: null,
  })}\n`;
}
