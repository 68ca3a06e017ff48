/**
 * What capturing long streams costs the proxy's process in steady traffic: `--open=` streams under
 * way at once (1 000, as bench:streams holds), each `--events=` chunks long, one chunk to each
 * open stream a tick, so that as many streams end as start every tick; each stream's capture is
 * run as the tap runs it (`BodyCapture.push` and `SseCapture.push` per chunk; at its end
 * `packParts` (with the end-of-stream scan where the tree runs it on the proxy's thread),
 * `releasePacked` and both captures released, as the recorder does). Unlike `capture-alloc.ts` the garbage collector runs as it would (no window without it),
 * so the figures hold what steady traffic costs: the process's CPU (all threads: GC helpers too)
 * and minor page faults (fresh memory touched; a count, whatever the load) per stream, over
 * `--measure=` streams after as many warm-up ones. Each checkout (`--root=DIR`, repeatable) in a
 * process of its own, `--rounds=` processes each, alternating; medians over them.
 *   node --import tsx bench/streams/capture-steady.ts --root=. [--root=/path/to/base] [--rounds=5]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BodyCapture, SseCapture } from '@understudy/capture';
import { streamCapture, streamResult } from '../../packages/tap/test/forwarded-capture.js';
import { captureFor, checkoutArgs, median } from './checkout-args.js';
import { streamChunks } from './stream-chunks.js';

const args = process.argv.slice(2);
const { arg, roots, events, chunkBytes, rounds, load } = checkoutArgs(args);
const openStreams = Number(arg('open', '1000'));
const measured = Number(arg('measure', '4000'));
const cap = 1024 * 1024;
interface Figures {
  readonly cpuUs: number;
  readonly faults: number;
}
const quartiles = (xs: readonly number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[Math.floor((s.length - 1) / 4)] ?? Number.NaN).toFixed(1)}–${(s[Math.ceil((3 * (s.length - 1)) / 4)] ?? Number.NaN).toFixed(1)}`;
};

if (!args.includes('--child')) {
  console.log(
    `capture in steady traffic: ${openStreams} streams open, ${events} × ${chunkBytes} B events, ${measured} streams measured, node ${process.version}, load ${load()}`,
  );
  const runs = new Map<string, Figures[]>(roots.map((r) => [r, []]));
  for (let round = 0; round < rounds; round++)
    for (const root of round % 2 === 0 ? roots : [...roots].reverse()) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', `--root=${root}`, ...args.filter((a) => !a.startsWith('--root='))],
        { encoding: 'utf8' },
      );
      runs.get(root)?.push(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Figures);
    }
  for (const root of roots) {
    const f = runs.get(root) ?? [];
    const cpu = f.map((x) => x.cpuUs);
    const faults = f.map((x) => x.faults);
    console.log(
      `${root}: per stream ${median(cpu).toFixed(1)} µs CPU (q1–q3 ${quartiles(cpu)}), ${median(faults).toFixed(2)} minor faults (${quartiles(faults)})`,
    );
    console.log(`  by process: CPU ${cpu.map((c) => c.toFixed(1)).join(' ')}; faults ${faults.map((c) => c.toFixed(2)).join(' ')}`);
  }
  console.log(`load ${load()}`);
  process.exit(0);
}

const root = roots[0] as string;
const imported = (path: string) => import(pathToFileURL(join(root, path)).href);
const capture = await imported('packages/capture/dist/index.js');
const packed = await imported('packages/tap/dist/capture/packed-parts.js');
const Body = capture.BodyCapture as new (cap: number) => BodyCapture;
const Sse = capture.SseCapture as new (cap: number, budget: undefined, body: BodyCapture) => SseCapture;
const packParts = packed.packParts as (result: unknown, capture: unknown, id: string, version: string, parent: null) => Uint8Array;
const asTree = captureFor(root);
const releasePacked = packed.releasePacked as (packed: Uint8Array) => void;

// Chunks of 64 distinct streams, used in turn (a capture copies them, never keeps them).
const sources = Array.from({ length: 64 }, (_, k) => streamChunks(k, events, chunkBytes));
const requestBody = Buffer.from(JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Go.' }] }));
const requestHeaders = ['host', '127.0.0.1:40000', 'content-type', 'application/json', 'content-length', String(requestBody.length)];

interface Open {
  readonly chunks: Buffer[];
  readonly request: BodyCapture;
  readonly response: BodyCapture;
  readonly sse: SseCapture;
  next: number;
}
let started = 0;
const open = (): Open => {
  const request = new Body(cap);
  request.push(requestBody);
  const response = new Body(cap);
  return { chunks: sources[started++ % sources.length] as Buffer[], request, response, sse: new Sse(cap, undefined, response), next: 0 };
};
const finish = (s: Open, n: number): void => {
  // Not ended here: `packParts` reads the stream as the recorder does. A tree that scans on the
  // proxy's thread scans at that first read; since s12-tap a stream held whole is packed unscanned
  // (its scan runs in the writer, which this bench does not measure).
  const parts = packParts(
    streamResult(null, { startedAt: 1_764_000_000_000 + n, ttfbMs: 1.5, durationMs: 10_000.25 }),
    asTree(streamCapture(s.request, s.response, s.sse, requestHeaders)),
    `exchange-${n}`,
    'stable',
    null,
  );
  releasePacked(parts);
  s.request.release();
  s.response.release();
};

// Staggered: stream i of the first set starts `i × events / open` chunks in, so as many end as start each tick.
const streams: Open[] = Array.from({ length: openStreams }, (_, i) => {
  const s = open();
  s.next = Math.floor((i * s.chunks.length) / openStreams);
  return s;
});
let ended = 0;
const run = (until: number): void => {
  while (ended < until)
    for (let i = 0; i < streams.length; i++) {
      const s = streams[i] as Open;
      const chunk = s.chunks[s.next++] as Buffer;
      s.response.push(chunk);
      s.sse.push(chunk, s.next * 50 + 0.123456 * i + 1e-3);
      if (s.next === s.chunks.length) {
        finish(s, ended++);
        streams[i] = open();
      }
    }
};
run(measured);
const cpu0 = process.cpuUsage();
const faults0 = process.resourceUsage().minorPageFault;
const from = ended;
run(from + measured);
const cpu = process.cpuUsage(cpu0);
const n = ended - from;
console.log(JSON.stringify({ cpuUs: (cpu.user + cpu.system) / n, faults: (process.resourceUsage().minorPageFault - faults0) / n }));
