import { type Kysely, sql } from 'kysely';
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
 * On SQLite it never holds the store: the mark reads nodes and references page by page (no lock,
 * no transaction), then dead nodes go in batches, each its own short write transaction, with a
 * pause between them, so the capture writer commits between any two statements. What keeps it
 * safe: SQLite gives a new row a rowid above every rowid there is, and each batch runs under the
 * write lock. Exchanges at or below the rowid read before the mark were all marked; those above it
 * committed later and may reuse a node the mark found dead (a conversation's next turn re-sends
 * its history), so each batch first reads the exchanges committed since the last batch and keeps
 * every node their chains reach. A node inserted after the mark is never a candidate.
 *
 * On PostgreSQL the mark and the delete are one transaction with new nodes locked out, as before.
 */
export async function sweepContentNodes(db: Kysely<Database>, kind: StoreKind, options: ContentSweepOptions): Promise<number> {
  if (kind === 'postgres') return sweepInOneTransaction(db);
  let seen = await maxRowid(db);
  const parents = await readLinks(db, options.pause);
  const live = new Set<string>();
  const reach = (head: string): void => {
    // `live` stays closed under parents: a walk stops at the first node already in it.
    for (let hash: string | null | undefined = head; hash != null && !live.has(hash); hash = parents.get(hash)) live.add(hash);
  };
  for (let after = 0; ; ) {
    const page = await refsAfter(db, after, seen, markPage);
    for (const row of page) for (const [, head] of refsOf(row.request_refs)) reach(head);
    const last = page.at(-1);
    if (last === undefined || page.length < markPage) break;
    after = last.rowid;
    await options.pause();
  }
  const dead = [...parents.keys()].filter((hash) => !live.has(hash));
  let deleted = 0;
  for (let i = 0; i < dead.length; i += options.batchSize) {
    deleted += await db.transaction().execute(async (trx) => {
      await sql`delete from content_nodes where 0`.execute(trx); // takes SQLite's write lock first
      for (let after = seen; ; ) {
        const fresh = await refsAfter(trx, after, Number.MAX_SAFE_INTEGER, markPage);
        const heads = fresh.flatMap((row) => refsOf(row.request_refs).map(([, head]) => head));
        await learnLinks(trx, heads, parents);
        for (const head of heads) reach(head);
        const last = fresh.at(-1);
        if (last !== undefined) seen = Math.max(seen, last.rowid);
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

async function maxRowid(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('exchanges').select(sql<number | null>`max(rowid)`.as('top')).executeTakeFirst();
  return Number(row?.top ?? 0);
}

/** Exchanges with `after < rowid <= until` that reference content, in rowid order. */
function refsAfter(db: Kysely<Database>, after: number, until: number, limit: number) {
  return db
    .selectFrom('exchanges')
    .select([sql<number>`rowid`.as('rowid'), 'request_refs'])
    .where(sql<number>`rowid`, '>', after)
    .where(sql<number>`rowid`, '<=', until)
    .where('request_refs', 'is not', null)
    .orderBy(sql`rowid`)
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

/**
 * PostgreSQL: mark and sweep in ONE write transaction, so no capture can commit a reference to a
 * node between the mark and the delete (the table is locked against inserts for its duration).
 */
function sweepInOneTransaction(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table content_nodes in share row exclusive mode`.execute(trx);
    const parents = new Map<string, string | null>();
    for (const row of await trx.selectFrom('content_nodes').select(['hash', 'parent']).execute()) parents.set(row.hash, row.parent);
    const live = new Set<string>();
    const refs = await trx.selectFrom('exchanges').select('request_refs').where('request_refs', 'is not', null).execute();
    for (const row of refs) {
      for (const [, head] of refsOf(row.request_refs)) {
        for (let hash: string | null | undefined = head; hash != null && !live.has(hash); hash = parents.get(hash)) live.add(hash);
      }
    }
    const dead = [...parents.keys()].filter((h) => !live.has(h));
    for (let i = 0; i < dead.length; i += 500)
      await trx
        .deleteFrom('content_nodes')
        .where('hash', 'in', dead.slice(i, i + 500))
        .execute();
    return dead.length;
  });
}
