/**
 * `npm run bench:tap:handoff -- [--against=DIR] [--rounds=3] [--exchanges=30000]`: what the tap's
 * capture hand-off costs per short exchange, without the proxy around it: packing on the proxy's
 * thread, the batches to the writer thread, the writer's build (redaction, usage) and SQLite
 * insert (`handoff-child.ts`, one process per run). With `--against`, the same with another
 * checkout's built modules, alternating run by run, so the machine's load falls on both alike;
 * prints CPU µs per exchange (both threads) per run, the means and their ratio.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue } from './child-ipc.js';

const here = dirname(fileURLToPath(import.meta.url));
const thisRoot = resolve(here, '../..');
const against = process.argv.find((a) => a.startsWith('--against='))?.slice('--against='.length);
const rounds = Number(argValue('rounds', '3'));
const exchanges = argValue('exchanges', '30000');
const trees = [{ name: 'this', root: thisRoot }, ...(against === undefined ? [] : [{ name: 'against', root: resolve(against) }])];
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(`capture hand-off bench: node ${process.version}, ${exchanges} exchanges per run, load average ${load()}`);
const figures = new Map<string, { cpuUs: number; wallUs: number }[]>(trees.map((t) => [t.name, []]));
for (let round = 0; round < rounds; round++) {
  // Rotated, so neither tree always runs first.
  for (const tree of round % 2 === 0 ? trees : [...trees].reverse()) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'handoff-child.ts'), `--root=${tree.root}`, `--exchanges=${exchanges}`],
      { encoding: 'utf8' },
    );
    const line = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { cpuUs: number; wallUs: number; faults?: [number, number] };
    figures.get(tree.name)?.push(line);
    const faults =
      line.faults === undefined
        ? ''
        : `, minor page faults per exchange ${line.faults.map((f) => f.toFixed(2)).join(' (this thread) + ')} (others)`;
    console.log(
      `round ${round + 1} ${tree.name.padEnd(8)} CPU ${line.cpuUs.toFixed(1)} µs/exchange, wall ${line.wallUs.toFixed(1)}${faults}`,
    );
  }
}
const mean = (name: string): number => {
  const runs = figures.get(name) ?? [];
  return runs.reduce((s, r) => s + r.cpuUs, 0) / Math.max(1, runs.length);
};
console.log('\n| tree | CPU µs per exchange (mean) | runs |');
console.log('|---|---|---|');
for (const tree of trees)
  console.log(
    `| ${tree.name} (${tree.root}) | ${mean(tree.name).toFixed(1)} | ${(figures.get(tree.name) ?? []).map((r) => r.cpuUs.toFixed(1)).join(' / ')} |`,
  );
if (against !== undefined) console.log(`\nthis / against: ${(mean('this') / mean('against')).toFixed(3)}x CPU per exchange`);
console.log(`load average after: ${load()}`);
