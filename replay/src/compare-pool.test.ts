import { Worker } from 'node:worker_threads';
import { canonicalize, compareResponses, NoiseModel } from '@understudy/compare';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ComparePool, createComparePool } from './compare-pool.js';

/** A plain-text answer (the text protocol: its text and facts are compared as a chat answer's). */
const chat = (content: string) => canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, path: '/answer', body: content });

const endpoint = 'POST /answer';
const originals = [
  "We've waived the $35 overdraft charge. You don't need a referral for the physiotherapist.",
  'Your booking BK-4821 is confirmed for March 3 in Porto. Check-in opens at 3 pm.',
  'Returns are free within 30 days. Refunds reach your card in 5 business days.',
];
const candidates = [
  "We've waived the $53 overdraft charge. You do need a referral for the physiotherapist.",
  'Your booking BK-4821 is confirmed for March 3 in Lisbon. Check-in opens at 3 pm.',
  'You can return items at no cost for 30 days, and refunds arrive in 5 business days.',
];

/** The pairs of the tests, each with a baseline (another production answer) and a judged noise model. */
function pairs(count: number) {
  const noise = new NoiseModel();
  for (const o of originals) noise.addBaseline(chat(o), chat(`${o} Thanks for asking.`), endpoint);
  return Array.from({ length: count }, (_, i) => {
    const k = i % originals.length;
    const original = chat(originals[k] ?? '');
    const options = { endpoint, noise, baselines: [chat(`${originals[k]} Anything else?`)], judge: { minBaselinePairs: 1 } };
    return { candidate: chat(`${candidates[k]} (${i})`), original, options };
  });
}

let pool: ComparePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
  vi.restoreAllMocks();
});

describe('createComparePool', () => {
  it('answers what compareResponses answers, pairs in flight on several threads', async () => {
    pool = createComparePool({ threads: 2 });
    const all = pairs(24);
    const reports = await Promise.all(all.map((p) => (pool as ComparePool).compare(p.candidate, p.original, p.options)));
    expect(pool.threads).toBe(2);
    expect(reports).toEqual(all.map((p) => compareResponses(p.candidate, p.original, p.options)));
    expect(reports.filter((r) => r.verdict === 'regression').length).toBeGreaterThan(0);
  }, 60_000);

  it('compares on the calling thread past its bound, with no threads, and once closed', async () => {
    pool = createComparePool({ threads: 1, maxPerThread: 1 });
    const all = pairs(4);
    const expected = all.map((p) => compareResponses(p.candidate, p.original, p.options));
    expect(await Promise.all(all.map((p) => (pool as ComparePool).compare(p.candidate, p.original, p.options)))).toEqual(expected);
    expect(pool.threads).toBe(1);
    await pool.close();
    expect(pool.threads).toBe(0);
    expect(await pool.compare(all[0]?.candidate ?? chat(''), all[0]?.original ?? chat(''), all[0]?.options)).toEqual(expected[0]);
    const none = createComparePool({ threads: 0 });
    expect(await none.compare(all[1]?.candidate ?? chat(''), all[1]?.original ?? chat(''), all[1]?.options)).toEqual(expected[1]);
    expect(none.threads).toBe(0);
  }, 60_000);

  it('posts the pairs handed over in one turn as one message per thread, and answers each', async () => {
    pool = createComparePool({ threads: 1 });
    const all = pairs(12);
    const expected = all.map((p) => compareResponses(p.candidate, p.original, p.options));
    // Start the thread first, so the count below is of the pairs' messages only.
    expect(await pool.compare(all[0]?.candidate ?? chat(''), all[0]?.original ?? chat(''), all[0]?.options)).toEqual(expected[0]);
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    const reports = await Promise.all(all.map((p) => (pool as ComparePool).compare(p.candidate, p.original, p.options)));
    expect(reports).toEqual(expected);
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted.mock.calls[0]?.[0]).toHaveLength(12);
  }, 60_000);

  it('compares here a pair whose options cannot be copied to a thread; the rest of its batch goes to the thread', async () => {
    pool = createComparePool({ threads: 1 });
    const all = pairs(3);
    const expected = all.map((p) => compareResponses(p.candidate, p.original, p.options));
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    // A function is not cloneable: structuredClone throws on it, as postMessage does.
    const odd = { ...all[1]?.options, extra: () => 'not data' };
    const reports = await Promise.all([
      pool.compare(all[0]?.candidate ?? chat(''), all[0]?.original ?? chat(''), all[0]?.options),
      pool.compare(all[1]?.candidate ?? chat(''), all[1]?.original ?? chat(''), odd),
      pool.compare(all[2]?.candidate ?? chat(''), all[2]?.original ?? chat(''), all[2]?.options),
    ]);
    expect(reports).toEqual(expected);
    // The batch (refused), then each pair alone: two reach the thread, the odd one is refused too.
    expect(posted.mock.calls.map((c) => (c[0] as unknown[]).length)).toEqual([3, 1, 1, 1]);
    expect(pool.threads).toBe(1);
  }, 60_000);

  it("sends an original's pairs to the thread that read it, by its text (a copy of the answer goes there too)", async () => {
    pool = createComparePool({ threads: 2 });
    const [x, y] = pairs(2);
    if (x === undefined || y === undefined) throw new Error('no pairs');
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    // y's original starts the first thread; x's the second (the first has work); x's again, a
    // separate copy, goes after it (by the least busy thread it would go to the first).
    const again = chat(originals[0] ?? '');
    const reports = await Promise.all([
      pool.compare(y.candidate, y.original, y.options),
      pool.compare(x.candidate, x.original, x.options),
      pool.compare(x.candidate, again, x.options),
    ]);
    expect(reports[2]).toEqual(compareResponses(x.candidate, again, x.options));
    const batches = posted.mock.calls.map((c) => (c[0] as { original: { text: string } }[]).map((t) => t.original.text));
    expect(batches).toEqual([[y.original.text], [x.original.text, x.original.text]]);
  }, 60_000);
});
