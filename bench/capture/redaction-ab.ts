/**
 * A one-process ABBA A/B of redaction: `forExchange().body()` of two trees' `@understudy/capture`
 * (each tree's own source, loaded side by side), over the texts a tap captures most — a chat
 * exchange (a request with the demo's tools, then a reply with 16 URLs), a chat request alone, an
 * SSE reply of 40 deltas, a reply whose tool call's JSON arguments hold a URL and ids — and two that
 * hold many secret words (30 labelled passwords in 6 languages, 2 KB of prose about passwords).
 * Each round times `--calls=` calls of every case on A, B, B, A (B, A, A, B on odd rounds), so a
 * drift of the machine's load falls on both alike; it prints per case the median µs per call of
 * each tree with q1–q3 and the median of the rounds' B/A ratios with theirs.
 *
 *   heavy node --conditions=source --import tsx bench/capture/redaction-ab.ts --a=/path/to/base --b=. [--rounds=20] [--calls=1000] [--clock=cpu]
 *
 * `--clock=cpu` times the process's CPU time (user + system) instead of the wall clock: on a shared
 * machine the wall clock also counts the time the process waited for a core, which at a load of
 * 10–16 on 2 cores spreads a round's ratio over ±30 %.
 *
 * A tree is a checkout (or `git archive` of one) whose `node_modules` resolves `@understudy/core`.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { argValue } from '../tap/child-ipc.js';
import { type Body, redactionCases as cases } from './redaction-cases.js';

interface Tree {
  readonly name: string;
  readonly forExchange: () => Body;
}

const rounds = Number(argValue('rounds', '20'));
const calls = Number(argValue('calls', '1000'));
const cpuClock = argValue('clock', 'wall') === 'cpu';
/** Microseconds now, of the wall clock or of the process's CPU time. */
const now = (): number => {
  if (!cpuClock) return performance.now() * 1000;
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function load(name: string, root: string): Promise<Tree> {
  const at = (path: string): string => pathToFileURL(resolve(root, path)).href;
  const core = (await import(at('packages/core/src/index.ts'))) as { parseConfig(raw: unknown): { tap: { redaction: unknown } } };
  const capture = (await import(at('packages/capture/src/index.ts'))) as {
    createRedactor(config: unknown, key: string): { forExchange(): Body };
  };
  const redactor = capture.createRedactor(core.parseConfig({}).tap.redaction, 'bench-redaction-key-'.padEnd(32, 'x'));
  return { name, forExchange: () => redactor.forExchange() };
}

function timed(tree: Tree, run: (b: () => Body) => void): number {
  const t0 = now();
  for (let i = 0; i < calls; i++) run(tree.forExchange);
  return (now() - t0) / calls;
}

function quartiles(xs: readonly number[]): [number, number, number] {
  const s = [...xs].sort((x, y) => x - y);
  const at = (q: number): number => {
    const i = (s.length - 1) * q;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (i - lo);
  };
  return [at(0.25), at(0.5), at(0.75)];
}

const a = await load('A', argValue('a'));
const b = await load('B', argValue('b', '.'));
console.log(
  `redaction A/B: A=${argValue('a')} B=${argValue('b', '.')}; node ${process.version}; ${rounds} rounds × ${calls} calls; ${cpuClock ? 'CPU' : 'wall'} time`,
);
console.log(
  `load before ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [, run] of cases) for (const t of [a, b]) for (let i = 0; i < 300; i++) run(t.forExchange);
const perCase = cases.map(() => ({ a: [] as number[], b: [] as number[], ratio: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  cases.forEach(([, run], c) => {
    const order = r % 2 === 0 ? [a, b, b, a] : [b, a, a, b];
    const us = { A: 0, B: 0 };
    for (const t of order) us[t.name as 'A' | 'B'] += timed(t, run) / 2;
    const row = perCase[c] as { a: number[]; b: number[]; ratio: number[] };
    row.a.push(us.A);
    row.b.push(us.B);
    row.ratio.push(us.B / us.A);
  });
}
const f = (q: [number, number, number], d = 1): string => `${q[1].toFixed(d)} (${q[0].toFixed(d)}–${q[2].toFixed(d)})`;
cases.forEach(([name], i) => {
  const row = perCase[i] as { a: number[]; b: number[]; ratio: number[] };
  console.log(`${name.padEnd(44)} A ${f(quartiles(row.a))} µs  B ${f(quartiles(row.b))} µs  B/A ×${f(quartiles(row.ratio), 3)}`);
});
console.log(
  `load after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
