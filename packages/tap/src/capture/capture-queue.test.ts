import { CaptureBudget } from '@understudy/capture';
import { ManualClock, silentLogger } from '@understudy/core';
import type { WriterItem } from '@understudy/store';
import { testExchange } from '@understudy/store/testing';
import { describe, expect, it } from 'vitest';
import { CaptureQueue } from './capture-queue.js';

function setup(overrides: Partial<ConstructorParameters<typeof CaptureQueue>[0]> = {}) {
  const clock = new ManualClock();
  const batches: string[][] = [];
  const queue = new CaptureQueue({
    sink: {
      write: async (b) => {
        batches.push(b.map((e) => ('unbuilt' in e ? '' : e.id)));
      },
    },
    clock,
    logger: silentLogger,
    queueSize: 10,
    queueMaxBytes: 1_000_000,
    batchSize: 4,
    flushIntervalMs: 50,
    ...overrides,
  });
  return { clock, batches, queue };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('CaptureQueue', () => {
  it('writes on the interval, not before', async () => {
    const { clock, batches, queue } = setup();
    queue.offer(testExchange('a'), 10);
    await settle();
    expect(batches).toEqual([]);
    clock.advance(50);
    await settle();
    expect(batches).toEqual([['a']]);
    expect(queue.stats()).toMatchObject({ captured: 1, queueDepth: 0 });
  });

  it('leaves what arrives during a write for the next interval unless it fills a batch (no chain of small batches)', async () => {
    const batches: string[][] = [];
    const pending: (() => void)[] = [];
    const { clock, queue } = setup({
      sink: {
        write: (b) => {
          batches.push(b.map((e) => ('unbuilt' in e ? '' : e.id)));
          return new Promise<void>((resolve) => pending.push(resolve));
        },
      },
    });
    queue.offer(testExchange('a'), 10);
    queue.offer(testExchange('b'), 10);
    clock.advance(50);
    await settle();
    expect(batches).toEqual([['a', 'b']]);
    // Arrives while [a, b] is being written: not written when that write returns.
    queue.offer(testExchange('c'), 10);
    pending.shift()?.();
    await settle();
    expect(batches).toEqual([['a', 'b']]);
    expect(queue.stats()).toMatchObject({ captured: 2, queueDepth: 1 });
    // A full batch arriving during a write is written right after it.
    clock.advance(50);
    await settle();
    expect(batches).toEqual([['a', 'b'], ['c']]);
    for (const id of ['d', 'e', 'f', 'g']) queue.offer(testExchange(id), 10);
    pending.shift()?.();
    await settle();
    expect(batches).toEqual([['a', 'b'], ['c'], ['d', 'e', 'f', 'g']]);
    pending.shift()?.();
    await queue.flush();
  });

  it("counts what the sink's writer could not build as dropped (capture_error), the rest as captured", async () => {
    const dropped: [number, string][] = [];
    const refused: number[] = [];
    const { queue } = setup({
      sink: { write: async () => ({ buildFailures: 1, buildFailure: 'TypeError' }) },
      onDropped: (rows, reason) => dropped.push([rows, reason]),
      tally: { accepted: () => {}, refused: (rows) => refused.push(rows) },
    });
    for (const id of ['a', 'b', 'c']) queue.offer({ unbuilt: { id } }, 10);
    await queue.flush();
    expect(queue.stats()).toMatchObject({ captured: 2, dropped: 1, storeErrors: 0, healthy: true });
    expect(dropped).toEqual([[1, 'capture_error']]);
    expect(refused).toEqual([1]);
  });

  it('writes as soon as a batch is full, in batches of batchSize', async () => {
    const { batches, queue } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) queue.offer(testExchange(id), 10);
    await queue.flush();
    expect(batches).toEqual([['a', 'b', 'c', 'd'], ['e']]);
  });

  it('hands the sink at most batchMaxBytes per write (one bigger exchange alone), so a batch of long streams is not cloned whole', async () => {
    const { batches, queue } = setup({ batchSize: 100, batchMaxBytes: 250 });
    for (const [id, bytes] of [
      ['a', 100],
      ['b', 100],
      ['c', 100],
      ['d', 400],
      ['e', 10],
    ] as const)
      queue.offer(testExchange(id), bytes);
    await queue.flush();
    expect(batches).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('writes as soon as the queued bytes fill a batch, before the interval', async () => {
    const { batches, queue } = setup({ batchSize: 100, batchMaxBytes: 250 });
    queue.offer(testExchange('a'), 100);
    await settle();
    expect(batches).toEqual([]);
    queue.offer(testExchange('b'), 200);
    await settle();
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('drops past the count bound and past the byte bound', () => {
    const { queue } = setup({ queueSize: 3, queueMaxBytes: 250, batchSize: 100 });
    expect(queue.offer(testExchange('a'), 100)).toBe(true);
    expect(queue.offer(testExchange('b'), 100)).toBe(true);
    expect(queue.offer(testExchange('c'), 100)).toBe(false); // bytes
    expect(queue.offer(testExchange('d'), 10)).toBe(true);
    expect(queue.offer(testExchange('e'), 10)).toBe(false); // count
    expect(queue.stats()).toMatchObject({ queueDepth: 3, dropped: 2 });
  });

  it('bounds bytes reserved in the in-flight budget there, not by queueMaxBytes, and gives them back once the sink is done', async () => {
    const budget = new CaptureBudget(1000);
    let answer: (() => void) | undefined;
    const { clock, queue } = setup({
      queueMaxBytes: 250,
      batchSize: 100,
      budget,
      sink: { write: () => new Promise<void>((resolve) => (answer = resolve)) },
    });
    // What the finished captures held, still reserved: 2 x 300 reserved bytes fit although 600 > queueMaxBytes.
    expect(queue.offer(testExchange('a'), 310, budget.take(300))).toBe(true);
    expect(queue.offer(testExchange('b'), 310, budget.take(300))).toBe(true);
    // The unreserved 10 + 10 bytes count against queueMaxBytes; 240 more do not fit.
    expect(queue.offer(testExchange('c'), 240)).toBe(false);
    expect(budget.held).toBe(600);
    clock.advance(50);
    await settle();
    // Handed to the sink but not yet stored: still reserved.
    expect(budget.held).toBe(600);
    answer?.();
    await settle();
    expect(budget.held).toBe(0);
    expect(queue.stats()).toMatchObject({ captured: 2, dropped: 1 });
  });

  it('gives reserved bytes back when it drops: refused at the door, refused by the store, left at close', async () => {
    const budget = new CaptureBudget(1000);
    const { clock, queue } = setup({
      queueSize: 1,
      budget,
      closeTimeoutMs: 100,
      batchSize: 100,
      sink: {
        write: async (b) => {
          if (b.some((e) => 'id' in e && e.id === 'a')) throw new Error('disk full');
          await new Promise(() => {});
        },
      },
    });
    expect(queue.offer(testExchange('a'), 110, budget.take(100))).toBe(true);
    clock.advance(50);
    await settle();
    expect(budget.held).toBe(0);
    expect(queue.offer(testExchange('b'), 110, budget.take(100))).toBe(true);
    expect(queue.offer(testExchange('c'), 110, budget.take(100))).toBe(false);
    expect(budget.held).toBe(100);
    clock.advance(50);
    await settle();
    expect(queue.offer(testExchange('d'), 110, budget.take(100))).toBe(true);
    expect(budget.held).toBe(200);
    const closed = queue.close();
    await settle();
    clock.advance(100);
    await settle();
    clock.advance(100);
    await closed;
    // b's write never answers (its bytes stay with the stuck writer); d, left in the queue, is given back.
    expect(budget.held).toBe(100);
  });

  it('hands back each item once its batch is stored or refused (onSettled), and the items left at close', async () => {
    const settled: string[] = [];
    let fail = false;
    let hang = false;
    const clock = new ManualClock();
    const queue = new CaptureQueue({
      sink: {
        write: () => {
          if (hang) return new Promise<void>(() => {});
          return fail ? Promise.reject(new Error('disk full')) : Promise.resolve();
        },
      },
      clock,
      logger: silentLogger,
      queueSize: 10,
      queueMaxBytes: 1_000_000,
      batchSize: 2,
      flushIntervalMs: 50,
      closeTimeoutMs: 100,
      onSettled: (items) => {
        for (const item of items) settled.push('unbuilt' in item ? String(item.unbuilt) : item.id);
      },
    });
    const item = (name: string) => ({ unbuilt: name });
    queue.offer(item('a'), 10);
    expect(settled).toEqual([]);
    queue.offer(item('b'), 10);
    await settle();
    expect(settled).toEqual(['a', 'b']);
    fail = true;
    queue.offer(item('c'), 10);
    queue.offer(item('d'), 10);
    await settle();
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
    hang = true;
    queue.offer(item('e'), 10);
    queue.offer(item('f'), 10);
    queue.offer(item('g'), 10);
    await settle();
    // e and f are with a sink that never answers: not handed back; g is left in the queue at close.
    const closed = queue.close();
    await settle();
    clock.advance(100);
    await settle();
    clock.advance(100);
    await closed;
    expect(settled).toEqual(['a', 'b', 'c', 'd', 'g']);
  });

  it('close() flushes, refuses later captures, and is idempotent', async () => {
    const { batches, queue } = setup({ batchSize: 100 });
    queue.offer(testExchange('a'), 1);
    await Promise.all([queue.close(), queue.close()]);
    expect(batches).toEqual([['a']]);
    expect(queue.offer(testExchange('b'), 1)).toBe(false);
    expect(queue.stats().dropped).toBe(1);
  });

  it('close() gives up on a sink that never answers once its timeout passes', async () => {
    const { clock, queue } = setup({ sink: { write: () => new Promise(() => {}) }, closeTimeoutMs: 100, batchSize: 1 });
    queue.offer(testExchange('a'), 1);
    queue.offer(testExchange('b'), 1);
    const closed = queue.close();
    await settle();
    clock.advance(100);
    await closed;
    expect(queue.stats()).toMatchObject({ queueDepth: 0, dropped: 1 });
  });

  /** A sink that stores each batch 80 ms after it is handed one (a writer at a low priority behind a backlog). */
  const behind = (clock: ManualClock, stored: string[]) => ({
    write: (b: readonly WriterItem[]) =>
      new Promise<void>((resolve) =>
        clock.setTimeout(() => {
          stored.push(...b.map((e) => ('unbuilt' in e ? '' : e.id)));
          resolve();
        }, 80),
      ),
  });

  /** Offers ten captures, then closes, advancing the clock 10 ms at a time until close resolves (or `limitMs`). */
  async function closeBehind(overrides: Partial<ConstructorParameters<typeof CaptureQueue>[0]>, limitMs: number) {
    const clock = new ManualClock();
    const stored: string[] = [];
    const { queue } = setup({ sink: behind(clock, stored), clock, closeTimeoutMs: 100, batchSize: 1, queueSize: 100, ...overrides });
    for (let i = 0; i < 10; i++) queue.offer(testExchange(`x${i}`), 1);
    let done = false;
    const closed = queue.close().then(() => {
      done = true;
    });
    for (let t = 0; t < limitMs && !done; t += 10) {
      await settle();
      clock.advance(10);
    }
    await closed;
    return { stored, stats: queue.stats() };
  }

  it('close() waits for a sink that is behind but still storing batches, however long the backlog takes, up to closeMaxMs', async () => {
    // Ten batches take 800 ms, far past the 100 ms close waits for a batch, never that long between two.
    const { stored, stats } = await closeBehind({ closeMaxMs: 500 }, 500);
    // Bounded overall: by 500 ms six batches were stored (80 ms each), the other four are dropped as 'closed'.
    expect(stored).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5']);
    expect(stats).toMatchObject({ queueDepth: 0, captured: 6, dropped: 3 });
  });

  it('close() loses nothing of a backlog the sink works through within closeMaxMs', async () => {
    const { stored, stats } = await closeBehind({}, 2_000);
    expect(stored).toHaveLength(10);
    expect(stats).toMatchObject({ queueDepth: 0, captured: 10, dropped: 0 });
  });

  it('close() still closes the sink after giving up on a write, and bounds a sink close that hangs too', async () => {
    let sinkCloses = 0;
    const sink = {
      write: () => new Promise<void>(() => {}),
      close: () => {
        sinkCloses++;
        return new Promise<void>(() => {});
      },
    };
    const { clock, queue } = setup({ sink, closeTimeoutMs: 100, batchSize: 1 });
    queue.offer(testExchange('a'), 1);
    let done = false;
    const closed = queue.close().then(() => {
      done = true;
    });
    await settle();
    clock.advance(100);
    await settle();
    expect(sinkCloses).toBe(1);
    expect(done).toBe(false);
    clock.advance(100);
    await closed;
    expect(done).toBe(true);
    expect(sinkCloses).toBe(1);
  });

  it('tallies accepted captures (not those refused at the door) and the accepted ones the store refused', async () => {
    const counts = { accepted: 0, refused: 0 };
    const tally = {
      accepted: () => {
        counts.accepted += 1;
      },
      refused: (rows: number) => {
        counts.refused += rows;
      },
    };
    let fail = true;
    const { clock, queue } = setup({
      tally,
      queueSize: 3,
      sink: {
        write: async () => {
          if (fail) throw new Error('disk full');
        },
      },
    });
    for (const id of ['a', 'b', 'c', 'd']) queue.offer(testExchange(id), 10);
    expect(counts).toEqual({ accepted: 3, refused: 0 });
    clock.advance(50);
    await settle();
    expect(counts).toEqual({ accepted: 3, refused: 3 });
    fail = false;
    queue.offer(testExchange('e'), 10);
    clock.advance(50);
    await settle();
    expect(counts).toEqual({ accepted: 4, refused: 3 });
    expect(queue.stats()).toMatchObject({ captured: 1, dropped: 4 });
  });
});
