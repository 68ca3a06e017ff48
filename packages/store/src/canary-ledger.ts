import type { Kysely, Transaction } from 'kysely';
import type { CanaryEventInput, LedgerVerification } from './canary-record.js';
import type { CanaryEventsTable } from './canary-tables.js';
import { genesisHash, ledgerHash } from './ledger-hash.js';
import type { Database } from './schema.js';

/** Appends events to a canary's ledger in `trx`, each linked to the one before by its hash. */
export async function appendEvents(trx: Transaction<Database>, id: string, events: readonly CanaryEventInput[], at: number): Promise<void> {
  if (events.length === 0) return;
  const last = await trx
    .selectFrom('canary_events')
    .select(['seq', 'hash'])
    .where('canary_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last === undefined ? 0 : Number(last.seq);
  let prev = last?.hash ?? genesisHash;
  const rows: CanaryEventsTable[] = [];
  for (const e of events) {
    seq++;
    const data = JSON.stringify(e.data ?? null);
    const hash = ledgerHash(prev, { canaryId: id, seq, at, type: e.type, actor: e.actor, data });
    rows.push({ canary_id: id, seq, at, type: e.type, actor: e.actor, data, prev_hash: prev, hash });
    prev = hash;
  }
  await trx.insertInto('canary_events').values(rows).execute();
}

/** Recomputes the hash chain of a canary's ledger, page by page. */
export async function verifyLedger(db: Kysely<Database>, id: string): Promise<LedgerVerification> {
  let prev = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('canary_events')
      .selectAll()
      .where('canary_id', '=', id)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, events: count, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing` };
      if (r.prev_hash !== prev)
        return { ok: false, events: count, brokenAt: seq, reason: `event ${seq} does not link to event ${seq - 1}` };
      const hash = ledgerHash(prev, { canaryId: id, seq, at: Number(r.at), type: r.type, actor: r.actor, data: r.data });
      if (hash !== r.hash) return { ok: false, events: count, brokenAt: seq, reason: `event ${seq} was altered (hash mismatch)` };
      prev = hash;
      expectedSeq++;
      count++;
    }
  }
  if (count === 0) return { ok: false, events: 0, brokenAt: 1, reason: 'the ledger is empty' };
  return { ok: true, events: count, brokenAt: null, reason: null };
}
