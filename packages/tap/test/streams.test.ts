import { afterEach, describe, expect, it } from 'vitest';
import { sseUpstream, stream, within } from './sse-streams.js';
import { startTap, type TapHarness } from './tap-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function tapOver(upstream: string, tap: NonNullable<Parameters<typeof startTap>[1]>['tap'] = {}): Promise<TapHarness> {
  const h = await startTap(upstream, { tap });
  cleanup.push(() => h.close());
  return h;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('long streams through the tap', () => {
  it('stores the events of a 5 MB stream up to the per-exchange cap and counts the rest', async () => {
    const upstream = await sseUpstream({ events: 1000, eventBytes: 5 * 1024 });
    cleanup.push(upstream.close);
    const cap = 64 * 1024;
    const h = await tapOver(upstream.url, { capture: { maxBodyBytes: cap } });
    const s = stream(`${h.url}/big`);
    await within(s.done, 15_000, 'the 5 MB stream');
    expect(s.bytes).toBeGreaterThan(5_000_000);
    expect(s.error).toBeUndefined();
    await h.tap.flush();
    const [exchange] = (await h.store.exchanges.list()).items;
    const events = exchange?.sseEvents ?? [];
    const storedBytes = events.reduce((sum, e) => sum + e.data.length, 0);
    expect(storedBytes).toBeLessThanOrEqual(cap);
    expect(events.length).toBeGreaterThan(0);
    // Usage is read from the last event although it was not stored.
    expect(exchange?.usage.outputTokens).toBe(9);
    const metrics = await h.tap.registry.metrics();
    expect(metric(metrics, 'understudy_tap_sse_events_dropped_total')).toBe(1001 - events.length);
  }, 30_000);

  it('never queues a stream behind the upstream pool: 300 held streams all start at once', async () => {
    const upstream = await sseUpstream({ events: 0, eventBytes: 100 });
    cleanup.push(upstream.close);
    const h = await tapOver(upstream.url);
    const streams = Array.from({ length: 300 }, () => stream(`${h.url}/held`));
    // Every stream gets its first event while all 300 are still open upstream.
    await within(Promise.all(streams.map((s) => s.firstEvent)), 10_000, 'first events of 300 concurrent streams');
    expect(upstream.held.size).toBe(300);
    for (const res of upstream.held) res.end();
    await within(Promise.all(streams.map((s) => s.done)), 10_000, 'the end of 300 streams');
  }, 30_000);

  it('answers a clear 503 past a configured connection cap instead of queueing', async () => {
    const upstream = await sseUpstream({ events: 0, eventBytes: 100 });
    cleanup.push(upstream.close);
    const h = await tapOver(upstream.url, { connections: 2 });
    const open = [stream(`${h.url}/held`), stream(`${h.url}/held`)];
    await within(Promise.all(open.map((s) => s.firstEvent)), 5_000, 'two streams under the cap');
    const third = stream(`${h.url}/held`);
    await within(third.done, 5_000, 'the refused third stream');
    expect(third.status).toBe(503);
    expect(JSON.parse(third.body())).toMatchObject({ error: { code: 'upstream_saturated' } });
    for (const res of upstream.held) res.end();
    await within(Promise.all(open.map((s) => s.done)), 5_000, 'the two streams');
    expect(open.map((s) => s.status)).toEqual([200, 200]);
  }, 20_000);

  it('holds at most the in-flight capture budget across concurrent streams; clients get every byte', async () => {
    const upstream = await sseUpstream({ events: 200, eventBytes: 1024 });
    cleanup.push(upstream.close);
    const budget = 256 * 1024;
    const h = await tapOver(upstream.url, { capture: { inFlightMaxBytes: budget } });
    const streams = Array.from({ length: 4 }, () => stream(`${h.url}/big-held`));
    // All four hold their 200 KB at once before any ends (bounded: 15 s on real sockets).
    await within(
      (async () => {
        while (upstream.held.size < 4 || streams.some((s) => s.bytes < 200_000)) await new Promise((r) => setImmediate(r));
      })(),
      15_000,
      'four concurrent 200 KB streams',
    );
    for (const res of upstream.held) res.end();
    await within(Promise.all(streams.map((s) => s.done)), 15_000, 'the end of four streams');
    for (const s of streams) expect(s.bytes).toBeGreaterThan(200_000);
    await h.tap.flush();
    const { items } = await h.store.exchanges.list();
    expect(items).toHaveLength(4);
    // In flight a stream holds its bodies only: its events are parsed from the held response body when it ends.
    const held = items.reduce((sum, e) => sum + e.requestBody.bytes.length + e.responseBody.bytes.length, 0);
    expect(held).toBeLessThanOrEqual(budget);
    expect(items.some((e) => (e.sseEvents ?? []).length > 0)).toBe(true);
    for (const e of items) {
      const body = Buffer.from(e.responseBody.bytes).toString('utf8');
      const events = e.sseEvents ?? [];
      expect(body.startsWith(events.map((ev) => `data: ${ev.data}\n\n`).join(''))).toBe(true);
    }
    expect(items.some((e) => e.responseBody.truncated)).toBe(true);
    const metrics = await h.tap.registry.metrics();
    expect(metric(metrics, 'understudy_tap_capture_truncated_total{reason="in_flight_budget"}')).toBeGreaterThan(0);
  }, 30_000);
});
