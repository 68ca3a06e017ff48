import type { Exchange } from '@understudy/core';
import type { Store } from '@understudy/store';
import { testExchange } from '@understudy/store/testing';

/** The clock of the gate tests: evidence is seeded a minute before it. */
export const gateNow = 10_000_000;
let seq = 0;

function exchange(o: Partial<Exchange> & Pick<Exchange, 'version' | 'role'>): Exchange {
  seq++;
  return testExchange(`EX${String(seq).padStart(24, '0')}`, { startedAt: gateNow - 60_000, ttfbMs: 1, durationMs: 10, ...o });
}

/**
 * Live traffic for stable and `version` (`candidateErrors` of the candidate's answering 503) and
 * `n` shadow comparisons of the candidate, `regressions` of them beyond noise.
 */
export async function seedGateEvidence(
  store: Store,
  o: { version: string; n: number; regressions: number; candidateErrors?: number },
): Promise<void> {
  const stable = Array.from({ length: o.n }, () => exchange({ version: 'stable', role: 'live' }));
  const candidate = Array.from({ length: o.n }, (_, i) =>
    exchange({ version: o.version, role: 'live', status: i < (o.candidateErrors ?? 0) ? 503 : 200 }),
  );
  const shadows = stable.map((parent) => exchange({ version: o.version, role: 'shadow', parentId: parent.id }));
  await store.exchanges.insertMany([...stable, ...candidate, ...shadows]);
  await store.shadowComparisons.insertMany(
    shadows.map((s, i) => ({
      exchangeId: s.id,
      parentId: s.parentId ?? '',
      endpoint: 'POST /v1/chat/completions',
      verdict: i < o.regressions ? 'regression' : i % 2 === 0 ? 'match' : 'noise',
      score: i < o.regressions ? 0.6 : 0.05,
      scoreOverNoise: i < o.regressions ? 0.6 : 0,
      report: null,
      createdAt: gateNow - 30_000,
    })),
  );
}
