import type { Exchange } from '@understudy/core';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap } from './tap-harness.js';

let upstream: LlmUpstream;
const dispatcher = new Agent({ connections: 8 });

beforeAll(async () => {
  upstream = await startLlmUpstream();
});

afterAll(async () => {
  await dispatcher.close();
  await upstream.close();
});

async function send(url: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await request(`${url}/echo?i=${i}`, { method: 'POST', body: `{"i":${i}}`, dispatcher });
    await res.body.dump();
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe('fail-open capture queue', () => {
  it('drops and counts captures while the sink never answers; clients are unaffected', async () => {
    const writes: (readonly Exchange[])[] = [];
    const h = await startTap(upstream.url, {
      // No interval flush: only a full batch triggers a write, so the counts below are exact.
      tap: { capture: { queueSize: 5, batchSize: 2, flushIntervalMs: 3_600_000 } },
      sink: () => ({
        write: (batch) => {
          writes.push(batch as readonly Exchange[]);
          return new Promise<void>(() => {});
        },
      }),
      closeTimeoutMs: 50,
    });
    try {
      const statuses = await send(h.url, 20);
      expect(statuses.every((s) => s === 200)).toBe(true);
      // Exchanges are built between turns of the event loop after their responses (bounded wait).
      for (let i = 0; i < 1000 && h.tap.stats().building > 0; i++) await new Promise((resolve) => setImmediate(resolve));
      const stats = h.tap.stats();
      // One batch of 2 is stuck in the sink, 5 wait in the queue, the rest were dropped.
      expect(writes).toHaveLength(1);
      expect(stats).toMatchObject({ queueDepth: 5, captured: 0, dropped: 13, storeErrors: 0 });
      const metrics = await h.tap.registry.metrics();
      expect(metrics).toContain('understudy_tap_capture_dropped_total{reason="queue_full"} 13');
      expect(metrics).toContain('understudy_tap_capture_queue_depth 5');
      // close() does not hang on the stuck sink: it gives up after closeTimeoutMs, dropping the rest.
      await h.close();
      expect(h.tap.stats()).toMatchObject({ queueDepth: 0, dropped: 18 });
    } finally {
      await h.close();
    }
  });

  it('drops and counts batches the sink rejects; clients are unaffected', async () => {
    const h = await startTap(upstream.url, {
      // No interval flush: only full batches are written, so two batches of three whatever the
      // machine's load (a 50 ms timer split them into three on a busy machine).
      tap: { capture: { batchSize: 3, flushIntervalMs: 3_600_000 } },
      sink: () => ({ write: () => Promise.reject(new Error('disk full')) }),
    });
    try {
      const statuses = await send(h.url, 6);
      expect(statuses.every((s) => s === 200)).toBe(true);
      await h.tap.flush();
      // How many batches the 6 captures form depends on when the flush interval fires (it may
      // catch a partial batch): at least 2, every one refused.
      expect(h.tap.stats()).toMatchObject({ queueDepth: 0, captured: 0, dropped: 6, healthy: false, lastError: 'disk full' });
      expect(h.tap.stats().storeErrors).toBeGreaterThanOrEqual(2);
    } finally {
      await h.close();
    }
  });

  it('close() flushes everything queued into the sink', async () => {
    const written: Exchange[] = [];
    // A long interval and a large batch: nothing is written until close() flushes.
    const h = await startTap(upstream.url, {
      tap: { capture: { flushIntervalMs: 3_600_000, batchSize: 1000 } },
      sink: () => ({
        write: async (batch) => {
          written.push(...(batch as readonly Exchange[]));
        },
      }),
    });
    await send(h.url, 7);
    expect(written).toHaveLength(0);
    expect(h.tap.stats().queueDepth).toBe(7);
    await h.close();
    expect(written).toHaveLength(7);
    expect(written.map((e) => e.query)).toEqual(['i=0', 'i=1', 'i=2', 'i=3', 'i=4', 'i=5', 'i=6']);
    expect(new Set(written.map((e) => e.id)).size).toBe(7);
    expect(written.every((e) => e.role === 'live' && e.version === 'stable' && e.parentId === null)).toBe(true);
  });
});

describe('sampling', () => {
  it('captures only matching methods and paths, but proxies everything', async () => {
    const h = await startTap(upstream.url, { tap: { capture: { methods: ['POST'], paths: ['/v1/*'], excludePaths: ['/v1/internal/*'] } } });
    try {
      const calls: [string, string][] = [
        ['POST', '/v1/chat/completions'],
        ['GET', '/v1/models'],
        ['POST', '/v1/internal/debug'],
        ['POST', '/echo'],
      ];
      for (const [method, path] of calls) {
        const body = path.endsWith('completions') ? '{"model":"m"}' : '{}';
        const res = await request(`${h.url}${path}`, { method, body: method === 'POST' ? body : null, dispatcher });
        await res.body.dump();
        expect(res.headers['x-understudy-version']).toBe('stable');
      }
      await h.tap.flush();
      const items = (await h.store.exchanges.list()).items;
      expect(items.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1/chat/completions']);
    } finally {
      await h.close();
    }
  });

  it('captures about `rate` of requests with the injected random source', async () => {
    const h = await startTap(upstream.url, { tap: { capture: { rate: 0.25 } } });
    try {
      await send(h.url, 80);
      await h.tap.flush();
      const n = await h.store.exchanges.count();
      // seededRandom(7) is deterministic; the bound only guards the intent.
      expect(n).toBeGreaterThan(8);
      expect(n).toBeLessThan(32);
    } finally {
      await h.close();
    }
  });
});
