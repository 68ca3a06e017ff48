import { join } from 'node:path';
import { systemClock } from '@understudy/core';
import { openStore } from '@understudy/store';
import { seedExchangesStartedAt } from '@understudy/store/testing';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.js';
import { run } from '../run.js';

const day = 86_400_000;

describe('understudy prune', () => {
  it('counts on --dry-run, then deletes only what is older than --older-than', async () => {
    const c = captureIo();
    const store = await openStore({ url: join(c.dir, 'test.db') });
    const ago = (days: number) => systemClock.now() - days * day;
    await seedExchangesStartedAt(store, { '01OLD1': ago(40), '01OLD2': ago(31), '01NEW1': ago(2) });
    await store.close();

    expect(await run(['prune', '--older-than', '30d', '--dry-run'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^would delete 2 exchanges started before /);
    c.reset();
    expect(await run(['prune', '--older-than', '30d', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({ exchanges: 2, heldBy: [] });

    const after = await openStore({ url: join(c.dir, 'test.db') });
    expect((await after.scan.page({}, null, 10)).map((e) => e.id)).toEqual(['01NEW1']);
    await after.close();
  });

  it('refuses an age it cannot read with one line and exit 2', async () => {
    const c = captureIo();
    expect(await run(['prune', '--older-than', 'a month'], c.io)).toBe(2);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
    expect(c.err()).toMatch(/--older-than must be an age like 30d/);
  });
});
