// npm run bench:capture:indexes — what the secondary indexes of `exchanges` cost a captured row on
// SQLite: the capture writer's own insert path (`ExchangeRepository.insertMany`, one transaction
// per batch) into three stores in one process, batch by batch in turn, so the machine's load
// falls on all three alike: the schema as migrated now, the same with the two indexes migration
// 0009 removed put back (the schema before it), and the same with none of the four. CPU per row
// is this thread's (the insert is synchronous), at a small and a large batch.
// Options: --rows 60000  --batches 35,200
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, type Store, storeDatabase } from '@understudy/store';
import { sql } from 'kysely';
import { shortExchange } from './short-exchange.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, batches: { type: 'string' } } });
const rows = Number(values.rows ?? 60_000);
const batchSizes = (values.batches ?? '35,200').split(',').map(Number);
const warmRows = 5_000;

const schemas = {
  now: [],
  'before 0009': [
    sql`drop index exchanges_parent_id`,
    sql`create index exchanges_parent_id on exchanges (parent_id)`,
    sql`create index exchanges_path on exchanges (path)`,
  ],
  'no secondary index': [
    sql`drop index exchanges_parent_id`,
    sql`drop index exchanges_started_at`,
    sql`drop index exchanges_version_started_at`,
  ],
} as const;

const cpuMicros = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};

console.log(
  `exchange indexes bench: node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('\n| batch | schema | µs of CPU per row | vs now |');
console.log('|---|---|---|---|');
const dir = mkdtempSync(join(tmpdir(), 'us-bench-indexes-'));
try {
  for (const batch of batchSizes) {
    const stores: { name: string; store: Store; cpu: number; rows: number }[] = [];
    for (const [name, changes] of Object.entries(schemas)) {
      const store = await openStore({ url: join(dir, `${batch}-${stores.length}.db`) });
      for (const change of changes) await change.execute(storeDatabase(store));
      stores.push({ name, store, cpu: 0, rows: 0 });
    }
    for (let done = 0; done < rows; done += batch) {
      for (const s of stores) {
        const exchanges = Array.from({ length: batch }, shortExchange);
        const started = process.cpuUsage();
        await s.store.exchanges.insertMany(exchanges);
        if (done < warmRows) continue;
        s.cpu += cpuMicros(started);
        s.rows += batch;
      }
    }
    const base = (stores[0]?.cpu ?? 0) / (stores[0]?.rows ?? 1);
    for (const s of stores) {
      const perRow = s.cpu / s.rows;
      console.log(`| ${batch} | ${s.name} | ${perRow.toFixed(1)} | ${perRow - base >= 0 ? '+' : ''}${(perRow - base).toFixed(1)} |`);
      await s.store.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\nload average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
