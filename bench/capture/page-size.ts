// npm run bench:capture:page-size — what SQLite's page size costs a captured row: the capture
// writer's own insert path (`ExchangeRepository.insertMany`, one transaction per batch) into stores
// whose files were created with different page sizes, batch by batch in turn, so the machine's load
// falls on all alike. Per row: this thread's CPU (the insert is synchronous), its kernel-mode
// share, and the write system calls (`syscw` of /proc/self/io: SQLite writes a WAL frame's header
// and its page as two `pwrite`s). Options: --rows 40000  --batch 100  --sizes 4096,8192,16384
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '@understudy/store';
import SQLite from 'better-sqlite3';
import { shortExchange } from './short-exchange.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, batch: { type: 'string' }, sizes: { type: 'string' } } });
const rows = Number(values.rows ?? 40_000);
const batch = Number(values.batch ?? 100);
const sizes = (values.sizes ?? '4096,8192,16384').split(',').map(Number);
const warmRows = 4_000;

const writeCalls = (): number => Number(/^syscw:\s+(\d+)/m.exec(readFileSync('/proc/thread-self/io', 'utf8'))?.[1] ?? Number.NaN);

console.log(
  `page size bench: node ${process.version}, batches of ${batch}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const dir = mkdtempSync(join(tmpdir(), 'us-bench-page-size-'));
try {
  const stores: { size: number; store: Store; user: number; system: number; writes: number; rows: number }[] = [];
  for (const size of sizes) {
    const file = join(dir, `${size}.db`);
    // The page size of a new file is fixed by its first write.
    const db = new SQLite(file);
    db.pragma(`page_size = ${size}`);
    db.exec('create table page_size_probe (a); drop table page_size_probe');
    db.close();
    stores.push({ size, store: await openStore({ url: file }), user: 0, system: 0, writes: 0, rows: 0 });
  }
  for (let done = 0; done < rows; done += batch) {
    for (const s of stores) {
      const exchanges = Array.from({ length: batch }, shortExchange);
      const writes = writeCalls();
      const started = process.cpuUsage();
      await s.store.exchanges.insertMany(exchanges);
      if (done < warmRows) continue;
      const used = process.cpuUsage(started);
      s.user += used.user;
      s.system += used.system;
      s.writes += writeCalls() - writes;
      s.rows += batch;
    }
  }
  console.log('\n| page size | µs of CPU per row | of which kernel | write calls per row |');
  console.log('|---|---|---|---|');
  for (const s of stores) {
    console.log(
      `| ${s.size} | ${((s.user + s.system) / s.rows).toFixed(1)} | ${(s.system / s.rows).toFixed(1)} | ${(s.writes / s.rows).toFixed(2)} |`,
    );
    await s.store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\nload average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
