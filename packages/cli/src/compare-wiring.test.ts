import { canonicalize } from '@understudy/compare';
import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { compareWiring, tapProcessCompareThreads } from './compare-wiring.js';

const answer = (body: string) => canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, path: '/a', body });

describe('compareWiring', () => {
  it("bounds the process's compare threads: a tap's process keeps to one, and closing stops them", async () => {
    const wiring = await compareWiring(parseConfig({}), { cwd: process.cwd(), env: {} }, {}, { compareThreads: tapProcessCompareThreads });
    expect(wiring.pool.threads).toBe(0);
    const pairs = Array.from({ length: 8 }, (_, i) => [answer(`The fee is $${i + 30}.`), answer(`The fee is $${i + 40}.`)] as const);
    const reports = await Promise.all(pairs.map(([a, b]) => wiring.pool.compare(b, a, { endpoint: 'POST /a' })));
    expect(reports.every((r) => r.verdict === 'regression')).toBe(true);
    expect(wiring.pool.threads).toBe(1);
    await wiring.close();
    expect(wiring.pool.threads).toBe(0);
  }, 30_000);
});
