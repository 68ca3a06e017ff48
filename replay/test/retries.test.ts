import { createRedactor, priceLookup } from '@understudy/capture';
import { type Clock, createIdGenerator, parseConfig, seededRandom, systemClock, type TimerHandle } from '@understudy/core';
import { Agent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { replayRequest } from '../src/replay-request.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, listen, recordTraffic, tempStore } from './support.js';

/** How the replayed answers are recorded: capture's default policy. */
const record = { redactor: createRedactor(parseConfig({}).tap.redaction, 'retries-test-key-0123456789abcdef'), prices: priceLookup({}) };

/**
 * Real time for measurements, but every sleep is recorded and fires on the next turn of the
 * event loop: the test sees the delays the replayer asked for without waiting them out.
 */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => systemClock.now(),
    monotonic: () => systemClock.monotonic(),
    setTimeout(fn: () => void, ms: number): TimerHandle {
      // Request timeouts (≥ 1 min here) are not sleeps; leave them pending.
      if (ms >= 60_000) return systemClock.setTimeout(fn, ms);
      sleeps.push(ms);
      let cancelled = false;
      queueMicrotask(() => {
        if (!cancelled) fn();
      });
      return { cancel: () => (cancelled = true) };
    },
    setInterval: (fn, ms) => systemClock.setInterval(fn, ms),
  };
}

describe('retries over real sockets', async () => {
  const dispatcher = new Agent();
  const production = await demoAgent('good', 1);
  const [original] = await recordTraffic(production.url, 1);
  await production.close();
  afterAll(() => dispatcher.close());
  const options = { runId: 'R', timeoutMs: 60_000, maxBodyBytes: 1 << 20, retries: 3, backoffMs: 100, maxBackoffMs: 1_000 };

  it('honours Retry-After on 503 and 429, then succeeds', async () => {
    let calls = 0;
    const server = await listen(() => {
      calls++;
      if (calls === 1) return new Response('busy', { status: 503, headers: { 'retry-after': '2' } });
      if (calls === 2) return new Response('slow down', { status: 429, headers: { 'retry-after': '7' } });
      return Response.json({ ok: true });
    });
    const clock = recordingClock();
    const ids = createIdGenerator({ clock, random: seededRandom(1) });
    if (original === undefined) throw new Error('no original');
    const out = await replayRequest(
      { dispatcher, clock, random: seededRandom(1), ids, record },
      original,
      { name: 'c', upstream: server.url, headers: {} },
      options,
    );
    expect(out.attempts).toBe(3);
    expect(out.exchange.status).toBe(200);
    expect(clock.sleeps).toEqual([2_000, 4_000]); // 7 s is capped at 4 × maxBackoffMs
    await server.close();
  });

  it('gives up after the retries on a refused connection and reports the error', async () => {
    const server = await listen(() => new Response('x'));
    const url = server.url;
    await server.close();
    const clock = recordingClock();
    if (original === undefined) throw new Error('no original');
    const out = await replayRequest(
      { dispatcher, clock, random: seededRandom(2), ids: createIdGenerator({ clock, random: seededRandom(2) }), record },
      original,
      { name: 'c', upstream: url, headers: {} },
      options,
    );
    expect(out.attempts).toBe(4);
    expect(out.exchange.error?.code).toBe('upstream_unreachable');
    expect(out.exchange.status).toBeNull();
    expect(clock.sleeps).toHaveLength(3);
    clock.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual((100 * 2 ** i) / 2);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it('does not retry a plain 500', async () => {
    let calls = 0;
    const server = await listen(() => {
      calls++;
      return new Response('boom', { status: 500 });
    });
    const clock = recordingClock();
    if (original === undefined) throw new Error('no original');
    const out = await replayRequest(
      { dispatcher, clock, random: seededRandom(3), ids: createIdGenerator({ clock, random: seededRandom(3) }), record },
      original,
      { name: 'c', upstream: server.url, headers: {} },
      options,
    );
    expect([calls, out.attempts, out.exchange.status]).toEqual([1, 1, 500]);
    await server.close();
  });

  it('sends no further attempt once the run is stopped during a backoff', async () => {
    let calls = 0;
    const server = await listen(() => {
      calls++;
      return new Response('busy', { status: 503 });
    });
    const stop = new AbortController();
    // The run is stopped while the replayer waits out its first backoff.
    const clock: Clock = {
      ...recordingClock(),
      setTimeout(fn: () => void, ms: number): TimerHandle {
        if (ms >= 60_000) return systemClock.setTimeout(fn, ms);
        queueMicrotask(() => stop.abort());
        return { cancel: () => {} };
      },
    };
    if (original === undefined) throw new Error('no original');
    const out = await replayRequest(
      { dispatcher, clock, random: seededRandom(4), ids: createIdGenerator({ clock, random: seededRandom(4) }), record },
      original,
      { name: 'c', upstream: server.url, headers: {} },
      { ...options, signal: stop.signal },
    );
    expect([calls, out.attempts, out.exchange.status, out.interrupted]).toEqual([1, 1, 503, true]);
    await server.close();
  });
});

describe('a run stopped while an item still has retries left', () => {
  it('leaves that item uncommitted, so a resume sends it again instead of keeping a final error', async () => {
    const { store } = await tempStore();
    const production = await demoAgent('good', 2);
    await store.exchanges.insertMany(await recordTraffic(production.url, 1));
    await production.close();
    let healthy = false;
    let calls = 0;
    const stop = new AbortController();
    const candidate = await listen(() => {
      calls++;
      if (healthy)
        return Response.json({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' } }] });
      // Busy: the replayer will want to retry, and the run is stopped right then.
      stop.abort();
      return new Response('busy', { status: 503 });
    });
    await store.versions.upsert({ name: 'candidate', upstream: candidate.url, headers: {} });
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: 'candidate', retries: 3 });

    const stopped = await replayer.run(run.id, { signal: stop.signal });
    expect(stopped.run.status).toBe('aborted');
    expect((await store.replays.listResults(run.id)).items).toEqual([]);

    healthy = true;
    const resumed = await replayer.run(run.id);
    expect(resumed.run.status).toBe('completed');
    const [result] = (await store.replays.listResults(run.id)).items;
    expect([result?.candidateStatus, result?.errorCode, calls]).toEqual([200, null, 2]);
    await replayer.close();
    await candidate.close();
    await store.close();
  });
});
