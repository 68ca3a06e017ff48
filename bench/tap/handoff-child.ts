/**
 * One run of `handoff-cost.ts`: the capture hand-off of the bench's short chat exchange, as the
 * tap does it, with the built modules of one checkout (`--root=DIR`): `packParts` on this thread,
 * batches of 200 through `sqliteWorkerSink`, whose writer thread builds each exchange with the
 * tap's builder (redaction, usage) and inserts it. Prints one JSON line: CPU µs of the process
 * (both threads) and wall µs per exchange.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chatCompletion, chatRequest } from './chat-fixture.js';
import { argValue } from './child-ipc.js';
import { procThreadFaults } from './proc-stats.js';

const root = argValue('root');
const exchanges = Number(argValue('exchanges', '30000'));
const batch = 200;
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const capture = await load('packages/capture/dist/index.js');
const core = await load('packages/core/dist/index.js');
const store = await load('packages/store/dist/index.js');
const packed = await load('packages/tap/dist/capture/packed-parts.js');
const builder = await load('packages/tap/dist/capture/writer-builder.js');

const dir = mkdtempSync(join(tmpdir(), 'understudy-handoff-'));
const sink = store.sqliteWorkerSink({ url: join(dir, 'tap.db') });
sink.buildWith(builder.writerBuilder(core.loadConfig().tap, 'bench-redaction-key-'.padEnd(32, 'x')));

const requestHeaders = [
  'host',
  '127.0.0.1:40000',
  'connection',
  'keep-alive',
  'content-type',
  'application/json',
  'content-length',
  String(chatRequest.length),
];
const responseHeaders = [
  'content-type',
  'application/json',
  'content-length',
  String(chatCompletion.length),
  'date',
  new Date().toUTCString(),
  'connection',
  'keep-alive',
  'keep-alive',
  'timeout=5',
];
let seq = 0;
function body(bytes: Buffer): unknown {
  const b = new capture.BodyCapture(1024 * 1024);
  b.push(bytes);
  return b;
}
const request = Buffer.from(chatRequest);
/** What a short reply's capture holds besides its headers and bodies. */
const notStreamed = { sseEvents: () => null, sseArrivals: () => undefined, streamUsage: undefined, sseDropped: 0, cutByBudget: false };
/** One forwarded request's capture, packed as the capture recorder packs it. */
function item(): { unbuilt: Uint8Array } {
  const raw = {
    requestHeaders,
    request: body(request),
    responseHeaders,
    response: body(chatCompletion),
    ...notStreamed,
    keep: () => () => {},
  };
  const result = {
    startedAt: Date.now(),
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    status: 200,
    clientStatus: 200,
    streamed: false,
    ttfbMs: 1.2,
    durationMs: 2.3,
    error: null,
    capture: raw,
  };
  return { unbuilt: packed.packParts(result, raw, `01JD${String(seq++).padStart(22, '0')}`, 'stable', null) };
}
async function run(n: number): Promise<void> {
  for (let i = 0; i < n; i += batch) {
    const outcome = await sink.write(Array.from({ length: Math.min(batch, n - i) }, item));
    if (outcome.buildFailures > 0) throw new Error(`${outcome.buildFailures} exchanges failed to build`);
  }
}
try {
  await run(Math.min(4000, exchanges));
  const faults0 = procThreadFaults(process.pid);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run(exchanges);
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - t0;
  const faults1 = procThreadFaults(process.pid);
  // Minor page faults per exchange: this (the proxy's) thread, and every other (the writer, V8's helpers).
  let otherFaults = 0;
  for (const [tid, n] of faults1) if (tid !== process.pid) otherFaults += n - (faults0.get(tid) ?? 0);
  const mainFaults = (faults1.get(process.pid) ?? 0) - (faults0.get(process.pid) ?? 0);
  console.log(
    JSON.stringify({
      cpuUs: (used.user + used.system) / exchanges,
      wallUs: (wallMs * 1000) / exchanges,
      faults: [mainFaults / exchanges, otherFaults / exchanges],
    }),
  );
} finally {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
