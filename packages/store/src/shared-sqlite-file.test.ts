import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingCanary } from '../test/canary-fixture.js';
import { openStore, type Store } from './store.js';

const created = { type: 'created', actor: 'test', data: {} };

// Found by the trust pass: each store opened its own connection, and better-sqlite3 waits for a
// lock synchronously (busy_timeout, 5 s) — on the one thread that must run the other store's
// transaction to free it. Two stores on one file in one process stalled 5 s per clash, then
// failed with "database is locked".
describe('two stores on one SQLite file in one process', () => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  it('run transactions side by side without a lock error, and each closes on its own', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'us-two-stores-')), 'x.db');
    const [a, b] = await Promise.all([openStore({ url: file }), openStore({ url: join(file, '..', 'x.db') })]);
    open.push(a, b);
    const racing = await Promise.allSettled([
      a.canaries.create({ ...pendingCanary, id: 'A1' }, created),
      b.canaries.create({ ...pendingCanary, id: 'B1' }, created),
      a.versions.upsert({ name: 'va', upstream: 'http://127.0.0.1:1', headers: {} }),
      b.canaries.create({ ...pendingCanary, id: 'B2' }, created),
    ]);
    expect(racing.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect((await a.canaries.list()).map((c) => c.id)).toEqual(['B2', 'B1', 'A1']);
    expect((await b.versions.list()).map((v) => v.name)).toContain('va');

    // One store closing leaves the other working; a third opened later shares it too.
    await a.close();
    open.splice(open.indexOf(a), 1);
    expect(await b.canaries.get('A1')).toMatchObject({ id: 'A1' });
    const c = await openStore({ url: file });
    open.push(c);
    await Promise.all([
      c.canaries.create({ ...pendingCanary, id: 'C3' }, created),
      b.canaries.create({ ...pendingCanary, id: 'B4' }, created),
    ]);
    expect((await c.canaries.list()).map((r) => r.id)).toEqual(['C3', 'B4', 'B2', 'B1', 'A1']);
  });
});
