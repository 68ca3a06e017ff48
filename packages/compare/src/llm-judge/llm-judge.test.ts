import { ManualClock } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../adapters/canonicalize.js';
import type { CompareExtensionContext } from '../compare-extension.js';
import { compareResponses } from '../compare-responses.js';
import { createLlmJudge, type LlmJudgeTransport } from './llm-judge.js';
import type { LlmJudgeObserver } from './llm-judge-error.js';

// The judge's bounds and bookkeeping, on a transport the test settles by hand and the manual clock:
// nothing here sleeps. Its HTTP side is tested over loopback sockets in replay.

const chat = (text: string) => canonicalize({ body: text, headers: { 'content-type': 'text/plain' } });
const verdict = '{"verdict":"regression","reason":"the fee differs","confidence":0.9}';

/** A transport whose calls wait until the test answers them (or forever), counting them. */
function heldTransport() {
  const calls: { user: string; signal: AbortSignal | undefined; answer: (text: string) => void }[] = [];
  const transport: LlmJudgeTransport = ({ user, signal }) =>
    new Promise<string>((resolve) => {
      calls.push({ user, signal, answer: resolve });
    });
  return { calls, transport };
}

/** Every event the judge reports, in order. */
function recorder(): { events: string[]; observer: LlmJudgeObserver } {
  const events: string[] = [];
  return {
    events,
    observer: {
      called: (outcome, seconds) => events.push(`called ${outcome} ${seconds}`),
      cacheHit: () => events.push('cache hit'),
      budgetExhausted: (bound) => events.push(`budget ${bound}`),
      queueFull: () => events.push('queue full'),
    },
  };
}

const context = (original: string, candidate: string): CompareExtensionContext => ({
  endpoint: '*',
  report: compareResponses(chat(candidate), chat(original)),
});

/** Lets pending promise callbacks run (the judge's queue hand-offs). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('createLlmJudge', () => {
  it('never spends more than maxCalls when pairs wait for a slot together, one call in flight at concurrency 1', async () => {
    const { calls, transport } = heldTransport();
    const judge = createLlmJudge({ transport, limits: { maxCalls: 2, concurrency: 1 }, clock: new ManualClock() });
    const pairs = [1, 2, 3, 4, 5].map((i) => {
      const original = `The fee is $${i}.`;
      const candidate = `The fee is $${i}0.`;
      return Promise.allSettled([judge.compare(chat(candidate), chat(original), context(original, candidate))]);
    });
    // One call at a time: answer each as it comes until nothing is waiting.
    for (let i = 0; i < 5; i++) {
      await settle();
      // Never more than `concurrency` calls in flight: the next starts only once this one is answered.
      expect(calls).toHaveLength(Math.min(i + 1, 2));
      calls[i]?.answer(verdict);
    }
    const results = (await Promise.all(pairs)).flat();
    expect(calls).toHaveLength(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected' && String(r.reason).includes('judge budget spent'))).toHaveLength(3);
    expect(judge.stats()).toEqual({ calls: 2, cached: 0, skipped: 3, failed: 0 });
  });

  it('cuts a call at timeoutMs on the injected clock, whatever the transport does, and says so on the pair', async () => {
    const { calls, transport } = heldTransport();
    const clock = new ManualClock();
    const { events, observer } = recorder();
    const judge = createLlmJudge({ transport, limits: { timeoutMs: 5000 }, clock, observer });
    const pending = judge.compare(chat('The fee is $53.'), chat('The fee is $35.'), context('The fee is $35.', 'The fee is $53.'));
    await settle();
    expect(calls).toHaveLength(1);
    clock.advance(4999);
    expect(calls[0]?.signal?.aborted).toBe(false);
    clock.advance(1);
    await expect(pending).rejects.toMatchObject({ code: 'timeout', message: 'judge call timeout: no complete answer in 5000 ms' });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(events).toEqual(['called timeout 5']);
    expect(judge.stats()).toMatchObject({ calls: 1, failed: 1 });
  });

  it('asks once for a pair asked again while its call is in flight, and answers repeats from the cache', async () => {
    const { calls, transport } = heldTransport();
    const { events, observer } = recorder();
    const clock = new ManualClock();
    const judge = createLlmJudge({ transport, clock, observer });
    const ask = () => judge.compare(chat('The fee is $53.'), chat('The fee is $35.'), context('The fee is $35.', 'The fee is $53.'));
    const first = ask();
    const second = ask();
    await settle();
    clock.advance(1200);
    calls[0]?.answer(verdict);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    await ask();
    expect(calls).toHaveLength(1);
    expect(events).toEqual(['called verdict 1.2', 'cache hit', 'cache hit']);
    expect(judge.stats()).toEqual({ calls: 1, cached: 2, skipped: 0, failed: 0 });
  });

  it('keys its cache by the content asked (baselines included) and keeps only the newest maxCached verdicts', async () => {
    let asked = 0;
    const judge = createLlmJudge({
      transport: async () => {
        asked++;
        return verdict;
      },
      limits: { maxCached: 2 },
    });
    const ask = (original: string, candidate: string, baseline?: string) =>
      judge.compare(chat(candidate), chat(original), {
        ...context(original, candidate),
        ...(baseline === undefined ? {} : { baselines: [chat(baseline)] }),
      });
    await ask('The fee is $35.', 'The fee is $53.');
    await ask('The fee is $35.', 'The fee is $53.');
    expect(asked).toBe(1);
    // Another baseline is another question.
    await ask('The fee is $35.', 'The fee is $53.', 'Our fee is $35.');
    expect(asked).toBe(2);
    // A third verdict evicts the oldest; the newest two still answer from the cache.
    await ask('The fee is $12.', 'The fee is $21.');
    await ask('The fee is $35.', 'The fee is $53.', 'Our fee is $35.');
    await ask('The fee is $12.', 'The fee is $21.');
    expect(asked).toBe(3);
    await ask('The fee is $35.', 'The fee is $53.');
    expect(asked).toBe(4);
    expect(judge.stats()).toEqual({ calls: 4, cached: 3, skipped: 0, failed: 0 });
  });

  it('tells its observer why each pair got no verdict: no verdict, the transport’s reason, a connection error, a spent budget', async () => {
    const answers: (() => Promise<string>)[] = [
      async () => 'I think they are about the same.',
      async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
      },
    ];
    let n = 0;
    const { events, observer } = recorder();
    const judge = createLlmJudge({
      transport: () => (answers[n++] ?? (async () => verdict))(),
      limits: { maxCalls: 2 },
      clock: new ManualClock(),
      observer,
    });
    const ask = (i: number) => judge.compare(chat(`Fee $${i}.`), chat('Fee $1.'), context('Fee $1.', `Fee $${i}.`));
    await expect(ask(2)).rejects.toMatchObject({ code: 'no_verdict' });
    await expect(ask(3)).rejects.toMatchObject({ code: 'connection', message: 'connect ECONNREFUSED 127.0.0.1:9' });
    await expect(ask(4)).rejects.toMatchObject({ code: 'budget_spent' });
    expect(events).toEqual(['called no_verdict 0', 'called connection 0', 'budget calls']);
  });

  it('counts the system prompt in maxPromptChars: a pair whose call would pass the budget is not sent', async () => {
    const sent: number[] = [];
    const transport: LlmJudgeTransport = async ({ system, user }) => {
      sent.push(system.length + user.length);
      return verdict;
    };
    const ask = (judge: ReturnType<typeof createLlmJudge>) =>
      judge.compare(chat('The fee is $53.'), chat('The fee is $35.'), context('The fee is $35.', 'The fee is $53.'));
    await ask(createLlmJudge({ transport, clock: new ManualClock() }));
    const cost = sent[0] ?? 0;
    const { events, observer } = recorder();
    const tight = createLlmJudge({ transport, limits: { maxPromptChars: cost - 1 }, clock: new ManualClock(), observer });
    await expect(ask(tight)).rejects.toMatchObject({ code: 'budget_spent' });
    expect(sent).toHaveLength(1);
    expect(events).toEqual(['budget prompt_chars']);
    const exact = createLlmJudge({ transport, limits: { maxPromptChars: cost }, clock: new ManualClock() });
    await ask(exact);
    expect(sent).toEqual([cost, cost]);
  });

  it('a pair waiting on the same pair’s call asks for itself when that call’s caller gave up', async () => {
    const { calls, transport } = heldTransport();
    const judge = createLlmJudge({ transport, clock: new ManualClock() });
    const cancelled = new AbortController();
    const pair = () => [chat('The fee is $53.'), chat('The fee is $35.')] as const;
    const [b1, a1] = pair();
    const first = judge.compare(b1, a1, { ...context('The fee is $35.', 'The fee is $53.'), signal: cancelled.signal });
    const [b2, a2] = pair();
    const second = judge.compare(b2, a2, context('The fee is $35.', 'The fee is $53.'));
    await settle();
    expect(calls).toHaveLength(1);
    cancelled.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]?.answer(verdict);
    expect((await second).score).toBe(0.9);
  });
});
