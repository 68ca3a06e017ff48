// npm run bench:replay — replay rate against a fast local upstream with comparison on, and
// peak RSS replaying stores of different sizes (target: ≥ 1 000 req/s; memory flat in size).
// Options: --sizes 10000,100000  --concurrency 64  --rate-items 20000
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '@understudy/store';
import { seedExchanges } from './seed.js';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, concurrency: { type: 'string' }, 'rate-items': { type: 'string' } } });
const sizes = (values.sizes ?? '10000,100000').split(',').map(Number);
const concurrency = Number(values.concurrency ?? 64);
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const tsx = ['--conditions=source', '--import', 'tsx'];

function start(
  file: string,
  args: string[],
  nodeFlags: string[] = [],
): { child: ChildProcess; firstLine: Promise<string>; output: Promise<string> } {
  const child = spawn(process.execPath, [...nodeFlags, ...tsx, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let resolveLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((r) => {
    resolveLine = r;
  });
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
    const nl = out.indexOf('\n');
    if (nl !== -1) resolveLine(out.slice(0, nl));
  });
  const output = new Promise<string>((r) => child.on('exit', () => r(out)));
  return { child, firstLine, output };
}

interface ChildResult {
  done: number;
  errors: number;
  verdicts: Record<string, number>;
  seconds: number;
  rate: number;
  peakRssMb: number;
  peakHeapMb: number;
  retainedHeapMb: { first: number; max: number; last: number } | null;
}

function retainedText(r: ChildResult): string {
  const h = r.retainedHeapMb;
  return h === null ? '-' : `${h.first.toFixed(0)} / ${h.max.toFixed(0)} / ${h.last.toFixed(0)} MB`;
}

console.log(
  `replay bench: node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, concurrency ${concurrency}`,
);
const upstream = start(here('./upstream.ts'), []);
const target = (await upstream.firstLine).trim();
const dir = mkdtempSync(join(tmpdir(), 'us-bench-replay-'));
const rows: string[] = [];
try {
  for (const size of sizes) {
    const db = join(dir, `store-${size}.db`);
    const store = await openStore({ url: db });
    const t0 = performance.now();
    await seedExchanges(store, size);
    await store.close();
    const seedSeconds = (performance.now() - t0) / 1000;
    const child = start(here('./replay-child.ts'), [db, target, String(concurrency)], ['--expose-gc']);
    const result = JSON.parse((await child.output).trim().split('\n').at(-1) ?? '{}') as ChildResult;
    const dbMb = statSync(db).size / 1024 / 1024;
    console.log(
      `${size} stored: seeded in ${seedSeconds.toFixed(1)} s; replayed ${result.done} (errors ${result.errors}, verdicts ${JSON.stringify(result.verdicts)}) in ${result.seconds.toFixed(1)} s = ${result.rate.toFixed(0)} req/s; peak RSS ${result.peakRssMb.toFixed(0)} MB, peak heap ${result.peakHeapMb.toFixed(0)} MB; heap after full GC every 10k items ${retainedText(result)}; db ${dbMb.toFixed(0)} MB`,
    );
    rows.push(
      `| ${size.toLocaleString('en')} | ${result.done.toLocaleString('en')} | ${result.rate.toFixed(0)} | ${result.peakRssMb.toFixed(0)} MB | ${result.peakHeapMb.toFixed(0)} MB | ${retainedText(result)} |`,
    );
    rmSync(db, { force: true });
  }
} finally {
  upstream.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  '\n| stored exchanges | replayed | req/s (compare on) | peak RSS | peak heap | heap after GC (first / max / last) |\n|---|---|---|---|---|---|',
);
for (const r of rows) console.log(r);
