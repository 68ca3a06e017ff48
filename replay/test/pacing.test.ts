import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, listen, type Running, recordTraffic, tempStore } from './support.js';

/** A fast candidate that notes when each request arrived (ms, monotonic). */
async function stopwatchServer(): Promise<Running & { arrivals: number[] }> {
  const arrivals: number[] = [];
  const server = await listen(() => {
    arrivals.push(performance.now());
    return Response.json({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    });
  });
  return { ...server, arrivals };
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('pacing and error budget over real sockets', () => {
  let production: Running;
  beforeAll(async () => {
    production = await demoAgent('good', 9);
  });
  afterAll(() => production.close());

  it('holds a rate limit within tolerance', async () => {
    const { store } = await tempStore();
    await store.exchanges.insertMany(await recordTraffic(production.url, 30));
    const server = await stopwatchServer();
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: server.url, rate: 100, concurrency: 8 });
    await replayer.run(run.id);
    const span = (server.arrivals.at(-1) ?? 0) - (server.arrivals[0] ?? 0);
    // 30 starts at 100/s: 29 gaps of 10 ms. Only lower bounds, which a loaded machine cannot
    // break (it can only delay starts); the exact spacing is pinned by pacer.test.ts on a ManualClock.
    expect(span).toBeGreaterThan(290 * 0.9);
    expect(median(gaps(server.arrivals))).toBeGreaterThan(7);
    await Promise.all([replayer.close(), server.close(), store.close()]);
  });

  it('keeps the original gaps divided by the speed', async () => {
    const { store } = await tempStore();
    // Originals 200 ms apart, replayed at speed 4: 50 ms apart.
    await store.exchanges.insertMany(await recordTraffic(production.url, 10, 1_700_000_000_000, 200));
    const server = await stopwatchServer();
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: server.url, speed: 4, concurrency: 4 });
    await replayer.run(run.id);
    const span = (server.arrivals.at(-1) ?? 0) - (server.arrivals[0] ?? 0);
    // Lower bounds only, as above: the original 200 ms gaps at speed 4 cannot shrink below 50 ms.
    expect(span).toBeGreaterThan(450 * 0.9);
    expect(median(gaps(server.arrivals))).toBeGreaterThan(40);
    await Promise.all([replayer.close(), server.close(), store.close()]);
  });

  it('aborts after the error budget and stays resumable', async () => {
    const { store } = await tempStore();
    await store.exchanges.insertMany(await recordTraffic(production.url, 40));
    const gone = await listen(() => new Response('x'));
    await gone.close();
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: gone.url, retries: 0, errorBudget: 3, concurrency: 2 });
    const outcome = await replayer.run(run.id);
    expect(outcome.run.status).toBe('aborted');
    expect(outcome.summary.passed).toBe(false);
    expect(outcome.summary.abortReason).toMatch(/error budget/);
    expect(outcome.summary.done).toBeLessThan(40);
    expect(outcome.summary.thresholds.find((t) => t.name === 'errorBudget')?.breached).toBe(true);
    await Promise.all([replayer.close(), store.close()]);
  });
});
