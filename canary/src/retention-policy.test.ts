import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, parseConfig, silentLogger } from '@understudy/core';
import { openStore } from '@understudy/store';
import { seedExchangesStartedAt } from '@understudy/store/testing';
import { describe, expect, it } from 'vitest';
import { createRetentionPolicy } from './retention-policy.js';

const day = 86_400_000;

describe('the retention policy', () => {
  it('prunes past maxAge on each interval, and does nothing without maxAge', async () => {
    const clock = new ManualClock(100 * day);
    const store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-retention-policy-')), 'x.db'), clock });
    try {
      await seedExchangesStartedAt(store, { '01A': 60 * day, '01B': 75 * day, '01C': 95 * day });
      const off = createRetentionPolicy({ store, config: parseConfig({}).retention, clock, logger: silentLogger });
      expect(await off.runOnce()).toBeNull();

      const config = parseConfig({ retention: { maxAge: '30d', intervalMs: 3_600_000 } }).retention;
      const policy = createRetentionPolicy({ store, config, clock, logger: silentLogger });
      policy.start();
      // Nothing happens before the first interval.
      expect(await store.scan.count({})).toBe(3);
      clock.advance(3_600_000);
      await policy.stop();
      expect((await store.scan.page({}, null, 10)).map((e) => e.id)).toEqual(['01B', '01C']);
      // Ten days later, 01B (started at day 75) is past the age too; 01C (day 95) is not.
      expect((await policy.runOnce())?.exchanges).toBe(0);
      clock.advance(10 * day);
      expect((await policy.runOnce())?.exchanges).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('rejects an age it cannot read with the config key named', () => {
    expect(() => parseConfig({ retention: { maxAge: 'a month' } })).toThrow(/retention\.maxAge/);
  });
});
