import { sqliteWorkerSink } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { sseUpstream, stream, within } from './sse-streams.js';
import { startTap, type TapHarness } from './tap-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/**
 * A tap whose capture writer (a thread) builds the exchanges, with a queue that writes only when
 * told (`flush`) or when a batch is full: what the tap holds while its writer is behind is then
 * exactly what the streams left, whatever the machine's speed.
 */
async function tapWithWriter(upstream: string, capture: { queueMaxBytes?: number; inFlightMaxBytes: number }): Promise<TapHarness> {
  const h = await startTap(upstream, {
    tap: { capture: { ...capture, flushIntervalMs: 600_000 } },
    sink: (_store, file) => sqliteWorkerSink({ url: file }),
  });
  cleanup.push(() => h.close());
  return h;
}

/** Until every finished stream's raw parts have been handed to the capture queue (bounded: real sockets). */
async function handedOver(h: TapHarness): Promise<void> {
  await within(
    (async () => {
      while (h.tap.stats().building > 0) await new Promise((r) => setImmediate(r));
    })(),
    10_000,
    'builds handed to the queue',
  );
}

const bodyBytes = (e: { requestBody: { bytes: Uint8Array }; responseBody: { bytes: Uint8Array } }): number =>
  e.requestBody.bytes.length + e.responseBody.bytes.length;

describe('finished streams waiting for the capture writer', () => {
  it('are not dropped while they fit the in-flight budget, however small the queue byte bound', async () => {
    const upstream = await sseUpstream({ events: 200, eventBytes: 1024 });
    cleanup.push(upstream.close);
    // Eight 200 KB streams: 1.6 MB of raw parts, inside the 4 MiB budget, six times the queue's own bound.
    const h = await tapWithWriter(upstream.url, { queueMaxBytes: 256 * 1024, inFlightMaxBytes: 4 * 1024 * 1024 });
    const streams = Array.from({ length: 8 }, () => stream(`${h.url}/big`));
    await within(Promise.all(streams.map((s) => s.done)), 15_000, 'eight 200 KB streams');
    await handedOver(h);
    await h.tap.flush();
    expect(h.tap.stats()).toMatchObject({ captured: 8, dropped: 0 });
    const { items } = await h.store.exchanges.list();
    expect(items).toHaveLength(8);
    for (const e of items) {
      expect(e.responseBody.truncated).toBe(false);
      expect(e.responseBody.bytes.length).toBeGreaterThan(200_000);
    }
  }, 30_000);

  it('hold the in-flight budget until written: streams that start meanwhile keep only what is left of it', async () => {
    const upstream = await sseUpstream({ events: 200, eventBytes: 1024 });
    cleanup.push(upstream.close);
    const budget = 512 * 1024;
    const h = await tapWithWriter(upstream.url, { inFlightMaxBytes: budget });
    const first = [stream(`${h.url}/big`), stream(`${h.url}/big`)];
    await within(Promise.all(first.map((s) => s.done)), 15_000, 'the first two streams');
    await handedOver(h);
    // Two more while the first two wait in the queue, unwritten: ~110 KB of the budget is left for them.
    const second = [stream(`${h.url}/big`), stream(`${h.url}/big`)];
    await within(Promise.all(second.map((s) => s.done)), 15_000, 'the next two streams');
    for (const s of [...first, ...second]) expect(s.bytes).toBeGreaterThan(200_000);
    await handedOver(h);
    await h.tap.flush();
    expect(h.tap.stats()).toMatchObject({ captured: 4, dropped: 0 });
    const { items } = await h.store.exchanges.list();
    expect(items).toHaveLength(4);
    // Nothing was written until the flush, so everything stored was held at once: within the budget.
    expect(items.reduce((sum, e) => sum + bodyBytes(e), 0)).toBeLessThanOrEqual(budget);
    expect(items.filter((e) => e.responseBody.truncated)).toHaveLength(2);
  }, 30_000);

  it('give the budget back once written', async () => {
    const upstream = await sseUpstream({ events: 200, eventBytes: 1024 });
    cleanup.push(upstream.close);
    const h = await tapWithWriter(upstream.url, { inFlightMaxBytes: 512 * 1024 });
    for (let round = 0; round < 3; round++) {
      const pair = [stream(`${h.url}/big`), stream(`${h.url}/big`)];
      await within(Promise.all(pair.map((s) => s.done)), 15_000, `round ${round}`);
      await handedOver(h);
      await h.tap.flush();
    }
    const { items } = await h.store.exchanges.list();
    expect(items).toHaveLength(6);
    expect(items.filter((e) => e.responseBody.truncated)).toHaveLength(0);
  }, 30_000);
});
