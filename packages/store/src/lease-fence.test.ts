import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingCanary } from '../test/canary-fixture.js';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { storeDialects } from '../test/store-dialects.js';
import { until } from '../test/until.js';
import { openStore } from './store.js';

const base = pendingCanary;

/** Controller A's step to weight 5, from generation 0, at 1500 (its lease runs to 2000). */
const stepOfA = {
  generation: 0,
  action: 'step:0',
  patch: { state: 'progressing', stepIndex: 0, weight: 5 },
  events: [{ type: 'step', actor: 'controller', data: { weight: 5 } }],
  routing: { route: 'stable', primary: 'stable', candidate: 'v2', weight: 5, sticky: null, fallback: true, canaryId: 'C1' },
  at: 1500,
};
const leaseOfA = { name: 'canary', holder: 'a', fence: 1 };

describe('a canary change under a controller lease', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  /** Two stores on one database, as two controller processes have. */
  const twoControllers = async (url: string) => {
    const a = await openStore({ url });
    closers.push(() => a.close());
    const b = await openStore({ url });
    closers.push(() => b.close());
    return { a, b };
  };

  for (const d of storeDialects('us-lease-fence-')) {
    it.skipIf(d.skip)(`on ${d.kind}: a controller whose lease was taken over writes nothing`, async () => {
      const { a, b } = await twoControllers(await d.url());
      await a.canaries.create(base, { type: 'created', actor: 'test', data: {} });
      expect(await a.leases.tryAcquire('canary', 'a', 1000, 1000)).toMatchObject({ held: true, fence: 1 });
      expect(await b.leases.tryAcquire('canary', 'b', 1000, 2100)).toMatchObject({ held: true, fence: 2 });
      expect(await a.canaries.apply('C1', stepOfA, leaseOfA)).toBeNull();
      expect(await a.canaries.get('C1')).toMatchObject({ generation: 0, state: 'pending' });
      expect(await a.routing.revision('stable')).toBe(0);
    });
  }

  // Found by the trust pass: the lease was checked with a plain read, so on PostgreSQL (read
  // committed) a takeover could commit between A's check and A's write, and A — no longer the
  // controller — still stepped the canary. Here A's write is held (another session locks the
  // canary row) after its lease check; B takes the lease over meanwhile.
  it.skipIf(!hasPostgres())('on postgres: a takeover never commits between a controller’s lease check and its write', async () => {
    const url = (await freshPostgresUrl()) ?? '';
    const { a, b } = await twoControllers(url);
    await a.canaries.create(base, { type: 'created', actor: 'test', data: {} });
    expect(await a.leases.tryAcquire('canary', 'a', 1000, 1000)).toMatchObject({ held: true, fence: 1 });

    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    closers.push(() => blocker.end());
    const waiting = async (): Promise<number> => {
      const r = await blocker.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      return Number(r.rows[0]?.n ?? 0);
    };
    await blocker.query('begin');
    await blocker.query("select id from canaries where id = 'C1' for update");

    const order: string[] = [];
    const applied = a.canaries.apply('C1', stepOfA, leaseOfA).then((r) => {
      order.push('a wrote');
      return r;
    });
    await until(async () => (await waiting()) === 1);
    // B takes the expired lease over while A's change is in flight.
    const takeover = b.leases.tryAcquire('canary', 'b', 1000, 2100).then((s) => {
      order.push('b took over');
      return s;
    });
    await until(async () => order.length > 0 || (await waiting()) === 2);
    // Whether B's takeover had to wait for A's transaction (A holds the lease it checked until it
    // commits). The order the two promises resolve in says nothing: A's apply publishes the
    // routing change after its commit, so B's answer can arrive first although it committed later.
    const takeoverWaitedForA = order.length === 0;
    await blocker.query('commit');
    const [change, lease] = await Promise.all([applied, takeover]);

    expect(lease).toMatchObject({ held: true, fence: 2 });
    // Either A wrote while it still held the lease (B's takeover waited for it), or A wrote nothing.
    expect(change !== null).toBe(takeoverWaitedForA);
    const events = await a.canaries.events('C1');
    expect(events.map((e) => e.type)).toEqual(change === null ? ['created'] : ['created', 'step']);
  });
});
