import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Exchange, noUsage, seededRandom } from '@understudy/core';
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
