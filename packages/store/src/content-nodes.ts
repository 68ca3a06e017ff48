import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { shareContentLock } from './content-sweep-lock.js';
import type { ContentNode, NodeLookup } from './request-packing.js';
import type { Database } from './schema.js';

// Well under SQLite's 32 766 bound parameters and PostgreSQL's 65 535.
const hashesPerStatement = 500;
const nodesPerStatement = 300;

/**
 * Stores the nodes not stored yet, in the caller's transaction. A node already there is never
 * sent again (one `IN` look-up per batch), so a conversation's history costs its bytes once.
 * The content sweep is held off until the caller commits (`shareContentLock`).
 */
export async function saveContentNodes(db: Kysely<Database>, nodes: readonly ContentNode[]): Promise<void> {
  const distinct = distinctNodes(nodes);
  if (distinct.size === 0) return;
  await shareContentLock(db);
  const hashes = [...distinct.keys()];
  for (let i = 0; i < hashes.length; i += hashesPerStatement) {
    const known = await db
      .selectFrom('content_nodes')
      .select('hash')
      .where('hash', 'in', hashes.slice(i, i + hashesPerStatement))
      .execute();
    for (const row of known) distinct.delete(row.hash);
  }
  const fresh = [...distinct.values()];
  for (let i = 0; i < fresh.length; i += nodesPerStatement) {
    await db
      .insertInto('content_nodes')
      .values(fresh.slice(i, i + nodesPerStatement).map((n) => ({ hash: n.hash, parent: n.parent, bytes: n.bytes })))
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  }
}

/**
 * The SQLite capture path's node writer: one prepared INSERT … ON CONFLICT DO NOTHING per
 * distinct node, run inside the caller's transaction (an in-process look-up costs what the
 * conflicting insert costs, so there is no separate look-up).
 */
export function sqliteContentNodeWriter(
  db: Kysely<Database>,
  sqlite: SqliteDatabase,
): (nodes: readonly ContentNode[], written?: Set<string>) => void {
  const sample = { hash: '', parent: null, bytes: new Uint8Array() };
  const compiled = db
    .insertInto('content_nodes')
    .values(sample)
    .onConflict((oc) => oc.column('hash').doNothing())
    .compile();
  const statement = sqlite.prepare(compiled.sql);
  // `written`: hashes this transaction already wrote (a batch's exchanges share their system prompt, tools, history).
  return (nodes, written) => {
    for (const node of distinctNodes(nodes).values()) {
      if (written?.has(node.hash) === true) continue;
      written?.add(node.hash);
      statement.run(node.hash, node.parent, node.bytes);
    }
  };
}

/** Every node on the chains that end at `heads` (one recursive query per 500 heads). */
export async function loadContentNodes(db: Kysely<Database>, heads: readonly string[]): Promise<NodeLookup> {
  const lookup = new Map<string, { parent: string | null; bytes: Uint8Array }>();
  for (let i = 0; i < heads.length; i += hashesPerStatement) {
    const rows = await db
      .withRecursive('chain(hash, parent, bytes)', (qb) =>
        qb
          .selectFrom('content_nodes')
          .select(['hash', 'parent', 'bytes'])
          .where('hash', 'in', heads.slice(i, i + hashesPerStatement))
          .union(
            qb.selectFrom('content_nodes as n').innerJoin('chain as c', 'n.hash', 'c.parent').select(['n.hash', 'n.parent', 'n.bytes']),
          ),
      )
      .selectFrom('chain')
      .select(['hash', 'parent', 'bytes'])
      .execute();
    for (const row of rows) lookup.set(row.hash, { parent: row.parent, bytes: row.bytes });
  }
  return lookup;
}

function distinctNodes(nodes: readonly ContentNode[]): Map<string, ContentNode> {
  const distinct = new Map<string, ContentNode>();
  for (const node of nodes) distinct.set(node.hash, node);
  return distinct;
}
