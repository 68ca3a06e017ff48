/**
 * What capturing one long stream allocates on the proxy's thread, exactly, and its CPU: the tap's
 * per-chunk work (`BodyCapture.push` and `SseCapture.push` of each of the bench's chunks, with a
 * fractional arrival time as `clock.monotonic()` gives), the stream's end (`SseCapture.end`, its
 * usage and arrivals: the end-of-stream SSE scan) and the packing for the writer (`packParts`,
 * then `releasePacked` as the sink does, and each body capture released as the recorder does, so
 * each window is the steady traffic after the one before) — per phase, with the built modules of one or two
 * checkouts (`--root=DIR`, repeatable; alternated phase by phase) in one process.
 *
 * Allocation is read as the growth of the V8 heap over a window of `--streams=` streams with no
 * garbage collection inside it (a young generation big enough for the window: a window a GC ran
 * in is retried), so it does not depend on the machine's load; external bytes (buffers' backing
 * stores) are counted apart. Each checkout is measured in a process of its own (one process
 * measuring two alternately recompiles the shared harness at each switch, and compiled code is
 * heap too), `--rounds=` processes each, alternating; per phase the median of the process's
 * windows, then the median over its processes. CPU is the process's, per stream: that one moves
 * with the load.
 *   node --import tsx bench/streams/capture-alloc.ts --root=. [--root=/path/to/base] [--events=200] [--chunk-bytes=200]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import type { BodyCapture, SseCapture } from '@understudy/capture';
import { streamCapture, streamResult } from '../../packages/tap/test/forwarded-capture.js';
import { captureFor, checkoutArgs, median } from './checkout-args.js';
import { streamChunks } from './stream-chunks.js';

const { arg, roots, events, chunkBytes, rounds, child, load } = checkoutArgs();
const windowStreams = Number(arg('streams', '100'));
const cap = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
type Phase = 'chunks' | 'end' | 'pack';
const phases: readonly Phase[] = ['chunks', 'end', 'pack'];
type Figures = Record<Phase, { heap: number; external: number; cpuUs: number }>;

if (!child) {
  console.log(
    `capture on the proxy's thread: ${windowStreams} streams a window, ${events} × ${chunkBytes} B events, node ${process.version}, load ${load()}`,
  );
  const runs = new Map<string, Figures[]>(roots.map((r) => [r, []]));
  for (let round = 0; round < rounds; round++)
    for (const root of round % 2 === 0 ? roots : [...roots].reverse()) {
      const out = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--max-semi-space-size=256',
          '--min-semi-space-size=256',
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          `--root=${root}`,
          `--events=${events}`,
          `--chunk-bytes=${chunkBytes}`,
          `--streams=${windowStreams}`,
        ],
        { encoding: 'utf8' },
      );
      runs.get(root)?.push(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Figures);
    }
  for (const root of roots) {
    const f = runs.get(root) ?? [];
    const per = (p: Phase, k: 'heap' | 'external' | 'cpuUs'): number => median(f.map((x) => x[p][k]));
    const cells = phases.map(
      (p) => `${p} ${per(p, 'heap').toFixed(0)} B heap + ${per(p, 'external').toFixed(0)} B external, ${per(p, 'cpuUs').toFixed(1)} µs CPU`,
    );
    const heap = phases.reduce((n, p) => n + per(p, 'heap'), 0);
    const cpu = phases.reduce((n, p) => n + per(p, 'cpuUs'), 0);
    console.log(`${root}: per stream ${cells.join('; ')}; all: ${heap.toFixed(0)} B heap, ${cpu.toFixed(1)} µs CPU`);
    console.log(`  heap B per stream by process: ${phases.map((p) => `${p} ${f.map((x) => x[p].heap.toFixed(0)).join(' ')}`).join('; ')}`);
  }
  console.log(`load ${load()}`);
  process.exit(0);
}
if (gc === undefined) throw new Error('run with --expose-gc');

interface Tree {
  readonly name: string;
  readonly BodyCapture: new (cap: number) => { push(b: Buffer): void; held: number; release(): void };
  readonly SseCapture: new (
    cap: number,
    budget: undefined,
    body: unknown,
  ) => {
    push(b: Buffer, at: number): void;
    end(): void;
    arrivals(): readonly number[] | undefined;
    usage(): unknown;
    dropped: number;
    cutByBudget: boolean;
    events: unknown;
  };
  readonly packParts: (result: unknown, capture: unknown, id: string, version: string, parent: null) => Uint8Array;
  readonly releasePacked: (packed: Uint8Array) => void;
}

const trees: Tree[] = [];
for (const [i, root] of roots.slice(0, 1).entries()) {
  const load = (path: string) => import(pathToFileURL(join(root, path)).href);
  const capture = await load('packages/capture/dist/index.js');
  const packed = await load('packages/tap/dist/capture/packed-parts.js');
  trees.push({
    name: i === 0 ? 'this' : `root${i}`,
    BodyCapture: capture.BodyCapture,
    SseCapture: capture.SseCapture,
    packParts: packed.packParts,
    releasePacked: packed.releasePacked,
  });
}

const chunks = (k: number): Buffer[] => streamChunks(k, events, chunkBytes);

const requestBody = Buffer.from(
  JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Tell me a long story.' }] }),
);
const requestHeaders = ['host', '127.0.0.1:40000', 'content-type', 'application/json', 'content-length', String(requestBody.length)];

/** One window: `windowStreams` streams through `tree`, all open at once (as at 1 000 streams), each phase measured apart. */
function window(
  tree: Tree,
  streamChunks: readonly Buffer[][],
): Record<Phase, { heap: number; external: number; cpuUs: number }> | undefined {
  const out = {} as Record<Phase, { heap: number; external: number; cpuUs: number }>;
  const open = streamChunks.map(() => {
    const request = new tree.BodyCapture(cap);
    request.push(requestBody);
    const response = new tree.BodyCapture(cap);
    return { request, response, sse: new tree.SseCapture(cap, undefined, response) };
  });
  let packed: Uint8Array[] = [];
  const run = (phase: Phase): boolean => {
    gc?.();
    const before = getHeapStatistics();
    const cpu0 = process.cpuUsage();
    if (phase === 'chunks') {
      // Chunk by chunk across the streams, as they arrive at a proxy holding all of them.
      for (let c = 0; c < events + 1; c++)
        for (let s = 0; s < open.length; s++) {
          const chunk = (streamChunks[s] as Buffer[])[c] as Buffer;
          const { response, sse } = open[s] as (typeof open)[number];
          response.push(chunk);
          sse.push(chunk, c * 50 + 0.123456 * s + 1e-3);
        }
    } else if (phase === 'end') {
      for (const { sse } of open) {
        sse.end();
        sse.usage();
        void sse.dropped;
      }
    } else {
      packed = open.map(({ request, response, sse }, s) =>
        tree.packParts(
          streamResult(null, { startedAt: 1_764_000_000_000 + s, ttfbMs: 1.5, durationMs: 10_000.25 }),
          asTree(
            streamCapture(
              request as unknown as BodyCapture,
              response as unknown as BodyCapture,
              sse as unknown as SseCapture,
              requestHeaders,
            ),
          ),
          `exchange-${s}`,
          'stable',
          null,
        ),
      );
    }
    const cpu = process.cpuUsage(cpu0);
    const after = getHeapStatistics();
    const heap = after.used_heap_size - before.used_heap_size;
    // A GC inside the window shows as the heap shrinking or its young generation emptied: retried.
    if (heap < 0) return false;
    out[phase] = {
      heap: heap / open.length,
      external: (after.external_memory - before.external_memory) / open.length,
      cpuUs: (cpu.user + cpu.system) / open.length,
    };
    return true;
  };
  for (const phase of phases) if (!run(phase)) return undefined;
  for (const p of packed) tree.releasePacked(p);
  // As the recorder does once the writer has the packed copy: the next window's streams are then
  // the steady traffic after these (their blocks back in the pool, where a tree has one).
  for (const { request, response } of open) {
    request.release();
    response.release();
  }
  return out;
}

let stream = 0;
const tree = trees[0] as Tree;
const asTree = captureFor(roots[0] as string);
// Warm-up: the first windows compile the code under test.
for (let i = 0; i < 10; i++)
  window(
    tree,
    Array.from({ length: windowStreams }, () => chunks(stream++)),
  );
const windows: Figures[] = [];
for (let i = 0; i < 9; i++) {
  const streamChunks = Array.from({ length: windowStreams }, () => chunks(stream++));
  let w = window(tree, streamChunks);
  for (let retry = 0; w === undefined && retry < 3; retry++) w = window(tree, streamChunks);
  if (w === undefined) throw new Error('a GC ran in every window: give a bigger young generation');
  windows.push(w);
}
const result = Object.fromEntries(
  phases.map((p) => [
    p,
    {
      heap: median(windows.map((w) => w[p].heap)),
      external: median(windows.map((w) => w[p].external)),
      cpuUs: median(windows.map((w) => w[p].cpuUs)),
    },
  ]),
);
console.log(JSON.stringify(result));
