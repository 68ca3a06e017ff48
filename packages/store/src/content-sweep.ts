import { type Kysely, sql } from 'kysely';
import { takeContentLock } from './content-sweep-lock.js';
import type { StoreKind } from './open-dialect.js';
import type { ContentRef } from './request-packing.js';
import type { Database } from './schema.js';

/** Rows read per statement while marking: each page is one short read, the event loop runs between them. */
const markPage = 2_000;

export interface ContentSweepOptions {
  /** Content nodes deleted per write transaction. */
  readonly batchSize: number;
  /** Waits between statements (the injected clock), so capture and the event loop get the store. */
  readonly pause: () => Promise<void>;
}

/**
 * Deletes the content nodes no exchange reaches any more and returns how many went.
 *
 * It never holds the store: the mark reads nodes and references page by page (no lock, no
 * transaction), then dead nodes go in batches, each its own short write transaction, with a pause
 * between them, so capture commits between any two statements. What keeps it safe: exchanges are
 * numbered as they are stored (`rowid` on SQLite, `seq` on PostgreSQL), and each batch runs with
 * every content-writing transaction kept out (SQLite's write lock; on PostgreSQL the content lock,
 * which capture takes shared before it looks up which nodes exist — see `shareContentLock`).
 * Exchanges up to the number read before the mark were all marked; later ones may reuse a node the
 * mark found dead (a conversation's next turn re-sends its history), so each batch first reads the
 * exchanges stored since the last batch and keeps every node their chains reach. A node written
 * after the mark is never a candidate; one a batch deleted is written again by the next capture
 * that needs it (its look-up runs after the batch committed).
 */
export async function sweepContentNodes(db: Kysely<Database>, kind: StoreKind, options: ContentSweepOptions): Promise<number> {
  const order = orderOf(kind);
  let seen = await watermark(db, kind, order);
  const parents = await readLinks(db, options.pause);
  const live = new Set<string>();
  const reach = (head: string): void => {
    // `live` stays closed under parents: a walk stops at the first node already in it.
    for (let hash: string | null | undefined = head; hash != null && !live.has(hash); hash = parents.get(hash)) live.add(hash);
  };
  for (let after = 0; ; ) {
    const page = await refsAfter(db, order, after, seen, markPage);
    for (const row of page) for (const [, head] of refsOf(row.request_refs)) reach(head);
    const last = page.at(-1);
    if (last === undefined || page.length < markPage) break;
    after = Number(last.n);
    await options.pause();
  }
  const dead = [...parents.keys()].filter((hash) => !live.has(hash));
  let deleted = 0;
  for (let i = 0; i < dead.length; i += options.batchSize) {
    deleted += await db.transaction().execute(async (trx) => {
      await keepWritersOut(trx, kind);
      for (let after = seen; ; ) {
        const fresh = await refsAfter(trx, order, after, Number.MAX_SAFE_INTEGER, markPage);
        const heads = fresh.flatMap((row) => refsOf(row.request_refs).map(([, head]) => head));
        await learnLinks(trx, heads, parents);
        for (const head of heads) reach(head);
        const last = fresh.at(-1);
        if (last !== undefined) seen = Math.max(seen, Number(last.n));
        if (fresh.length < markPage) break;
        after = seen;
      }
      const batch = dead.slice(i, i + options.batchSize).filter((hash) => !live.has(hash));
      if (batch.length === 0) return 0;
      await trx.deleteFrom('content_nodes').where('hash', 'in', batch).execute();
      return batch.length;
    });
    await options.pause();
  }
  return deleted;
}

/** The column that numbers exchanges in the order they were stored (migration 0008 on PostgreSQL). */
function orderOf(kind: StoreKind) {
  return kind === 'postgres' ? sql<number | string>`seq` : sql<number | string>`rowid`;
}

/** Keeps every content-writing transaction out until `trx` ends: SQLite's write lock, PostgreSQL's content lock. */
async function keepWritersOut(trx: Kysely<Database>, kind: StoreKind): Promise<void> {
  if (kind === 'postgres') await takeContentLock(trx);
  else await sql`delete from content_nodes where 0`.execute(trx); // takes SQLite's write lock first
}

/**
 * The highest number of an exchange stored so far. On PostgreSQL numbers are drawn before commit,
 * so a lower one may still commit after a higher one: read with writers kept out, none is in flight.
 * On SQLite a new row is numbered above every row there is, under the write lock.
 */
async function watermark(db: Kysely<Database>, kind: StoreKind, order: ReturnType<typeof orderOf>): Promise<number> {
  const read = async (trx: Kysely<Database>) => {
    const row = await trx.selectFrom('exchanges').select(sql<number | string | null>`max(${order})`.as('top')).executeTakeFirst();
    return Number(row?.top ?? 0);
  };
  if (kind === 'sqlite') return read(db);
  return db.transaction().execute(async (trx) => {
    await takeContentLock(trx);
    return read(trx);
  });
}

/** Exchanges with `after < number <= until` that reference content, in the order they were stored. */
function refsAfter(db: Kysely<Database>, order: ReturnType<typeof orderOf>, after: number, until: number, limit: number) {
  return db
    .selectFrom('exchanges')
    .select([order.as('n'), 'request_refs'])
    .where(order, '>', after)
    .where(order, '<=', until)
    .where('request_refs', 'is not', null)
    .orderBy(order)
    .limit(limit)
    .execute();
}
/** Every node's parent, read in pages by hash. */
async function readLinks(db: Kysely<Database>, pause: () => Promise<void>): Promise<Map<string, string | null>> {
  const parents = new Map<string, string | null>();
  for (let after = ''; ; ) {
    const page = await db
      .selectFrom('content_nodes')
      .select(['hash', 'parent'])
      .where('hash', '>', after)
      .orderBy('hash')
      .limit(markPage)
      .execute();
    for (const row of page) parents.set(row.hash, row.parent);
    const last = page.at(-1);
    if (last === undefined || page.length < markPage) return parents;
    after = last.hash;
    await pause();
  }
}

/** Adds the links of nodes not in `parents` yet (written after the mark read them) and of their ancestors. */
async function learnLinks(db: Kysely<Database>, heads: readonly string[], parents: Map<string, string | null>): Promise<void> {
  let unknown = [...new Set(heads.filter((hash) => !parents.has(hash)))];
  // Bounded: every round learns at least one node or ends.
  while (unknown.length > 0) {
    const next = new Set<string>();
    for (let i = 0; i < unknown.length; i += 500) {
      const rows = await db
        .selectFrom('content_nodes')
        .select(['hash', 'parent'])
        .where('hash', 'in', unknown.slice(i, i + 500))
        .execute();
      for (const row of rows) {
        parents.set(row.hash, row.parent);
        if (row.parent !== null && !parents.has(row.parent)) next.add(row.parent);
      }
    }
    unknown = [...next];
  }
}

function refsOf(refs: string | null): readonly ContentRef[] {
  return refs === null ? [] : (JSON.parse(refs) as ContentRef[]);
}
