/**
 * Splits a sampling heap profile of the tap (`bench:streams --profile-dir=DIR --profile-kind=heap`)
 * by the innermost of our own frames on each allocation's stack: bytes allocated per stream (or
 * per exchange) by the tap's capture code and what it calls, by its forwarding, and by Node and
 * undici alone. Allocation counts do not move with the machine's load the way times do (the
 * sampler's own variance aside: one sample stands for ~16 KB).
 *   node --import tsx bench/streams/heap-profile-split.ts FILE.heapprofile [--per=1000] [--top=15]
 */
import { readFileSync } from 'node:fs';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: heap-profile-split.ts FILE.heapprofile [--per=N] [--top=N]');
const option = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const per = option('per', 1000);
const top = option('top', 15);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };

/** Our packages' built files: `packages/capture/dist/x.js` → `capture/x`. */
function ours(url: string): string | undefined {
  const m = /packages\/([^/]+)\/dist\/(.+)\.js$/.exec(url);
  return m === null ? undefined : `${m[1]}/${m[2]}`;
}

const byGroup = new Map<string, number>();
const byFrame = new Map<string, number>();
let total = 0;
const walk = (node: HeapNode, owner: string | undefined, frame: string | undefined): void => {
  const own = ours(node.callFrame.url);
  const o = own ?? owner;
  const f = own === undefined ? frame : `${own}:${node.callFrame.functionName || '(anonymous)'}`;
  total += node.selfSize;
  const group = o === undefined ? '(node, undici and the rest)' : o.startsWith('tap/capture/') || o.startsWith('capture/') ? 'capture' : o;
  byGroup.set(group, (byGroup.get(group) ?? 0) + node.selfSize);
  if (f !== undefined) byFrame.set(f, (byFrame.get(f) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, o, f);
};
walk(head, undefined, undefined);
const kb = (n: number): string => `${(n / per / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(total)} allocated per 1/${per} of the run (${(total / 1024 / 1024).toFixed(0)} MB in all)`);
for (const [g, n] of [...byGroup.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${kb(n).padStart(10)}  ${g}`);
console.log('  innermost frame of ours:');
for (const [f, n] of [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${kb(n).padStart(10)}  ${f}`);
