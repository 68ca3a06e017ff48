// npm run bench:capture — compact capture: bytes stored per exchange and per conversation for
// 40-turn conversations (3 KB system prompt, 2 KB tools, ~1 KB per turn) against the old
// whole-body layout and the ideal (each distinct block once), at 10/20/40 turns to show growth;
// then capture throughput into SQLite and PostgreSQL in one run.
// Options: --conversations 50 (throughput)  --batch 100
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Exchange } from '@understudy/core';
import { openStore, type Store, storeDatabase, toExchangeRow } from '@understudy/store';
import { sql } from 'kysely';
import pg from 'pg';
import { startThrowawayPostgres } from '../../packages/store/test/throwaway-postgres.js';
import { conversation, idealRequestBytes } from './conversation.js';

const { values } = parseArgs({ options: { conversations: { type: 'string' }, batch: { type: 'string' } } });
const conversations = Number(values.conversations ?? 50);
const batch = Number(values.batch ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'us-bench-capture-'));

console.log(
  `capture bench: node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

/** Request content bytes as stored: skeletons plus content nodes (whole bodies for the old layout). */
async function requestBytes(store: Store): Promise<number> {
  const len = store.kind === 'postgres' ? sql.raw('octet_length') : sql.raw('length');
  const rows = await sql<{ n: number | string | null }>`
    select (select coalesce(sum(${len}(request_body)), 0) from exchanges)
         + (select coalesce(sum(${len}(bytes)), 0) from content_nodes) as n`.execute(storeDatabase(store));
  return Number(rows.rows[0]?.n ?? 0);
}

/** Bytes of the SQLite file after a checkpoint (the WAL folded in). */
async function fileBytes(store: Store, file: string): Promise<number> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(storeDatabase(store));
  return statSync(file).size;
}

/** The old layout: every row with its whole request body, as before migration 0006. */
async function insertWhole(store: Store, exchanges: readonly Exchange[]): Promise<void> {
  await storeDatabase(store)
    .transaction()
    .execute(async (trx) => {
      for (const e of exchanges) await trx.insertInto('exchanges').values(toExchangeRow(e)).execute();
    });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// 1. Bytes per conversation and per exchange, at three lengths, in both layouts.
console.log(
  '\n| turns | request bytes sent (old layout) | stored now | ideal | now / ideal | old / ideal | SQLite file old | SQLite file now | per exchange old | per exchange now |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const turns of [10, 20, 40]) {
  // Ten conversations of the same length, so the shared system prompt and tools show.
  const all = Array.from({ length: 10 }, (_, c) => conversation(c, turns)).flat();
  const ideal = idealRequestBytes(all);
  const oldFile = join(dir, `old-${turns}.db`);
  const newFile = join(dir, `new-${turns}.db`);
  const old = await openStore({ url: oldFile });
  await insertWhole(old, all);
  const now = await openStore({ url: newFile });
  for (let i = 0; i < all.length; i += batch) await now.exchanges.insertMany(all.slice(i, i + batch));
  const [oldReq, nowReq, oldSize, nowSize] = [
    await requestBytes(old),
    await requestBytes(now),
    await fileBytes(old, oldFile),
    await fileBytes(now, newFile),
  ];
  // Every request comes back byte for byte.
  for (const e of all.slice(-turns)) {
    const got = await now.exchanges.get(e.id);
    if (Buffer.compare(Buffer.from(got?.requestBody.bytes ?? []), Buffer.from(e.requestBody.bytes)) !== 0)
      throw new Error(`exchange ${e.id} did not round-trip`);
  }
  await old.close();
  await now.close();
  const per = (n: number) => kb(n / 10);
  console.log(
    `| ${turns} | ${per(oldReq)} | ${per(nowReq)} | ${per(ideal)} | ${(nowReq / ideal).toFixed(2)}× | ${(oldReq / ideal).toFixed(2)}× | ${per(oldSize)} | ${per(nowSize)} | ${kb(oldSize / all.length)} | ${kb(nowSize / all.length)} |`,
  );
}
console.log(
  '(per conversation: the mean of 10 conversations sharing one system prompt and tool set; ideal = each distinct message and tool definition once across the 10; files include responses, headers and indexes)',
);

// 2. Capture throughput, SQLite and PostgreSQL, same traffic: conversations interleaved by turn.
const traffic: Exchange[] = [];
const perConversation = Array.from({ length: conversations }, (_, c) => conversation(1000 + c, 40));
for (let turn = 0; turn < 40; turn++) for (const c of perConversation) traffic.push(c[turn] as Exchange);
const requestMb = traffic.reduce((s, e) => s + e.requestBody.bytes.length, 0) / 1024 / 1024;

async function throughput(label: string, url: string): Promise<void> {
  const store = await openStore({ url });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < traffic.length; i += batch) await store.exchanges.insertMany(traffic.slice(i, i + batch));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const stored = await requestBytes(store);
  await store.close();
  console.log(
    `${label}: ${traffic.length} exchanges (${requestMb.toFixed(0)} MB of request bodies) in ${seconds.toFixed(2)} s = ${(traffic.length / seconds).toFixed(0)} exchanges/s, ${((cpu.user + cpu.system) / traffic.length).toFixed(0)} µs CPU each in this process; request content stored ${(stored / 1024 / 1024).toFixed(1)} MB`,
  );
}

console.log(`\nthroughput: ${conversations} conversations × 40 turns, interleaved by turn, batches of ${batch}`);
const cluster = await startThrowawayPostgres();
try {
  await throughput('SQLite', join(dir, 'throughput.db'));
  if (cluster === undefined) console.log('PostgreSQL: skipped (no PostgreSQL binaries)');
  else {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('create database bench_capture');
    await admin.end();
    await throughput('PostgreSQL', cluster.adminUrl.replace(/\/postgres$/, '/bench_capture'));
  }
} finally {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
