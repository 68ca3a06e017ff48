// One replay run in a fresh process, so its peak RSS is its own. Prints one JSON line.
import { openStore } from '@understudy/store';
import { createComparePool, createReplayer } from '../../replay/src/index.js';

const [db, target, concurrency, limit] = process.argv.slice(2);
if (db === undefined || target === undefined) throw new Error('usage: replay-child.ts DB TARGET [CONCURRENCY] [LIMIT]');
const store = await openStore({ url: db });
// As `understudy replay` runs it: the compare rules on the process's compare pool
// (COMPARE_THREADS=N sets its threads; 0 compares on the run's own thread).
const threads = process.env.COMPARE_THREADS;
const comparePool = createComparePool(threads === undefined ? {} : { threads: Number(threads) });
const replayer = createReplayer({ store, comparePool });
const run = await replayer.create({
  target,
  concurrency: Number(concurrency ?? 64),
  ...(limit === undefined ? {} : { selection: { limit: Number(limit) } }),
});
// With --expose-gc, the heap is also read right after a full collection every 10 000 items:
// what the run truly retains, as opposed to garbage V8 has not collected yet.
const gc = (globalThis as { gc?: () => void }).gc;
let peakHeap = 0;
const retained: number[] = [];
let nextGcAt = 10_000;
const started = performance.now();
const outcome = await replayer.run(run.id, {
  onProgress: (p) => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (gc !== undefined && p.done >= nextGcAt) {
      nextGcAt += 10_000;
      gc();
      retained.push(process.memoryUsage().heapUsed / 1024 / 1024);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
await replayer.close();
await comparePool.close();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    done: outcome.summary.done,
    errors: outcome.summary.errors,
    verdicts: outcome.summary.verdicts,
    seconds,
    rate: outcome.summary.done / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    retainedHeapMb: retained.length === 0 ? null : { first: retained[0], max: Math.max(...retained), last: retained.at(-1) },
  })}\n`,
);
