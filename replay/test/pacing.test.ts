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

/**
 * How far the k-th arrival (in arrival order) came before the earliest moment the pacer allows
 * it, `runStart + earliest[k]`; 0 when none came early. Causal: a loaded machine can only delay
 * a start, so this holds however slow the machine is, while gaps between arrivals do not (timers
 * that fire late fire together, and the pacer's slots then arrive back to back).
 */
function earliness(arrivals: readonly number[], runStart: number, earliest: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((t, k) => runStart + (earliest[k] ?? 0) - t));
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
    const runStart = performance.now();
    await replayer.run(run.id);
    // 30 starts at 100/s: the k-th start no earlier than k × 10 ms after the run began. Lower
    // bounds only; the exact spacing is pinned by pacer.test.ts on a ManualClock.
    expect(server.arrivals).toHaveLength(30);
    const slots = server.arrivals.map((_, k) => k * 10);
    expect(earliness(server.arrivals, runStart, slots)).toBeLessThan(2);
    await Promise.all([replayer.close(), server.close(), store.close()]);
  });

  it('keeps the original gaps divided by the speed', async () => {
    const { store } = await tempStore();
    // Originals 200 ms apart, replayed at speed 4: 50 ms apart.
    await store.exchanges.insertMany(await recordTraffic(production.url, 10, 1_700_000_000_000, 200));
    const server = await stopwatchServer();
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: server.url, speed: 4, concurrency: 4 });
    const runStart = performance.now();
    await replayer.run(run.id);
    // Lower bounds only, as above: the original 200 ms gaps at speed 4 put the k-th start no
    // earlier than k × 50 ms after the run began.
    expect(server.arrivals).toHaveLength(10);
    const slots = server.arrivals.map((_, k) => k * 50);
    expect(earliness(server.arrivals, runStart, slots)).toBeLessThan(2);
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
