import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { openStore, sqliteWorkerSink } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

let dir: string;
let upstream: LlmUpstream;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-worker-sink-'));
  upstream = await startLlmUpstream();
});

afterAll(async () => {
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the store's sqliteWorkerSink behind a tap", () => {
  it('serves as the tap sink end to end', async () => {
    const file = join(dir, 'tap.db');
    const h = await startTap(upstream.url, { sink: () => sqliteWorkerSink({ url: file }) });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await request(`${h.url}/echo?i=${i}`);
        await res.body.dump();
      }
      await h.tap.flush();
      expect(h.tap.stats()).toMatchObject({ captured: 5, dropped: 0 });
    } finally {
      await h.close();
    }
    const store = await openStore({ url: file });
    try {
      expect(await store.exchanges.count()).toBe(5);
    } finally {
      await store.close();
    }
  });

  it('stores exactly what the tap would have built itself: the writer builds from the raw parts with the tap redaction, usage and header policy', async () => {
    const onThread = await startTap(upstream.url, { tap: { redaction: { patterns: [{ name: 'account', regex: 'ACCT-\\d{8}' }] } } });
    const inWriter = await startTap(upstream.url, {
      tap: { redaction: { patterns: [{ name: 'account', regex: 'ACCT-\\d{8}' }] } },
      sink: (_store, file) => sqliteWorkerSink({ url: file }),
    });
    try {
      const [a, b] = await Promise.all([storedFor(onThread), storedFor(inWriter)]);
      expect(b).toHaveLength(5);
      expect(b).toEqual(a);
      // Redacted in both (a check that the comparison compares something).
      expect(JSON.stringify(b)).not.toContain('ACCT-12345678');
      expect(b.find((e) => e.path === '/v1/chat/completions' && e.streamed === false)?.usage).toMatchObject({ inputTokens: 21 });
    } finally {
      await onThread.close();
      await inWriter.close();
    }
  });
});

/** Five exchanges through `h` (JSON, SSE, an echoed secret, a gzip body, a 404), as stored, without what differs per run. */
async function storedFor(h: TapHarness): Promise<Record<string, unknown>[]> {
  const chat = (stream: boolean) =>
    JSON.stringify({ model: 'gpt-4o-mini', stream, messages: [{ role: 'user', content: 'my account is ACCT-12345678' }] });
  const sends = [
    request(`${h.url}/v1/chat/completions`, { method: 'POST', body: chat(false), headers: { 'content-type': 'application/json' } }),
    request(`${h.url}/v1/chat/completions`, { method: 'POST', body: chat(true), headers: { 'content-type': 'application/json' } }),
    request(`${h.url}/echo?api_key=sk-secret-0001`, { headers: { authorization: 'Bearer sk-secret-0002' } }),
    request(`${h.url}/gzip`),
    request(`${h.url}/nothing-here`),
  ];
  for (const res of await Promise.all(sends)) await res.body.dump();
  await h.tap.flush();
  const items = (await h.store.exchanges.list({}, { limit: 10 })).items;
  return items
    .map((e: Exchange) => {
      const { id: _id, startedAt: _s, ttfbMs: _t, durationMs: _d, responseHeaders, sseEvents, ...rest } = e;
      const { date: _date, ...headers } = responseHeaders;
      return {
        ...rest,
        responseHeaders: headers,
        requestBody: Buffer.from(e.requestBody.bytes).toString('latin1'),
        responseBody: Buffer.from(e.responseBody.bytes).toString('latin1'),
        sseEvents: sseEvents?.map((ev) => ev.data) ?? null,
      };
    })
    .sort((x, y) => `${x.path}${x.streamed}`.localeCompare(`${y.path}${y.streamed}`))
    .map((e) => {
      // The tap's own port (Host, the echoed x-forwarded-host) and its exchange ids differ per tap.
      const text = JSON.stringify(e)
        .replaceAll(new URL(h.url).host, 'TAP')
        .replace(/x-understudy-exchange\\":\\"[^\\]*\\"/g, 'x-understudy-exchange');
      return JSON.parse(text) as Record<string, unknown>;
    });
}
