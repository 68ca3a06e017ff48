/**
 * What building one long stream's exchange costs, alone: the bench's stream shape (`--events=`
 * SSE events of `--chunk-bytes=`, as bench/streams/sse-upstream.ts sends them) pushed through the
 * tap's capture (BodyCapture + SseCapture, one chunk per event), then `recordExchange` with the
 * shipped redaction defaults, `--builds=` times. Prints the mean µs per build and, run with
 * `--expose-gc --max-semi-space-size=64` (so no scavenge runs inside one build), the heap bytes
 * one build allocates; and what the capture side costs the proxy's thread per stream (every chunk
 * pushed to the body and SSE captures, then the stream's end), with `--scan=live` the SSE scan run
 * chunk by chunk as it arrives (as before 2026-12-02 07:30) instead of once over the held bytes at
 * the end. A development aid for the build's cost; bench:streams gives the figures.
 *   node --expose-gc --max-semi-space-size=64 --conditions=source --import tsx bench/streams/build-cost.ts
 */
import { BodyCapture, createRedactor, priceLookup, recordExchange, SseCapture } from '@understudy/capture';
import { loadConfig } from '@understudy/core';
import { argValue } from '../tap/child-ipc.js';
import { streamChunks } from './stream-chunks.js';

const events = Number(argValue('events', '200'));
const chunkBytes = Number(argValue('chunk-bytes', '200'));
const builds = Number(argValue('builds', '2000'));
const eventsGiven = process.argv.includes('--events-given');
/** `--scan=live`: no chunk deferred, every one scanned as it arrives. */
const maxDeferred = argValue('scan', 'deferred') === 'live' ? 0 : undefined;
const config = loadConfig().tap;
const cap = config.capture.maxBodyBytes;
const redactor = createRedactor(config.redaction, 'bench-redaction-key-'.padEnd(32, 'x'));
const prices = priceLookup(config.pricing);
const requestBody = Buffer.from(
  JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Tell me a long story.' }] }),
);

const chunks = (k: number): Buffer[] => streamChunks(k, events, chunkBytes);

let nextStream = 0;

function captureOne(stream = chunks(nextStream++)): { request: BodyCapture; response: BodyCapture; sse: SseCapture } {
  const request = new BodyCapture(cap);
  request.push(requestBody);
  const response = new BodyCapture(cap);
  const sse = new SseCapture(cap, undefined, response, maxDeferred);
  stream.forEach((chunk, i) => {
    response.push(chunk);
    sse.push(chunk, i * 50);
  });
  sse.end();
  return { request, response, sse };
}

function build(c: ReturnType<typeof captureOne>): unknown {
  return recordExchange(
    {
      id: 'x',
      startedAt: 0,
      version: 'stable',
      role: 'live',
      parentId: null,
      request: {
        method: 'POST',
        path: '/v1/chat/completions',
        query: '',
        headers: { 'content-type': 'application/json', 'content-length': String(requestBody.length), host: '127.0.0.1' },
        body: c.request.body(),
      },
      reply: {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
        body: c.response.body(),
        // As the tap's exchange builder hands them over (--events-given: the parsed events instead).
        ...(eventsGiven ? { sseEvents: c.sse.events } : { sseArrivals: c.sse.arrivals() ?? [] }),
        streamed: true,
        ...(c.sse.usage() === undefined ? {} : { streamUsage: c.sse.usage() }),
      },
      ttfbMs: 1,
      durationMs: 10_000,
      error: null,
    },
    { redactor, prices, maxBodyBytes: cap },
  );
}

const gc = (globalThis as { gc?: () => void }).gc;
// Warm up, then time builds only (the captures are made first).
for (let i = 0; i < 200; i++) build(captureOne());
// The captures alone, one stream after another as a proxy's thread sees them (none kept: no build follows).
// CPU time of the process (V8's helper threads included) as well as wall time: on a shared machine the wall time moves with the load.
const cpuUs = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const streams = Array.from({ length: builds }, () => chunks(nextStream++));
const c0 = performance.now();
const cc0 = cpuUs();
for (const stream of streams) captureOne(stream);
const perCaptureUs = ((performance.now() - c0) * 1000) / builds;
const perCaptureCpuUs = (cpuUs() - cc0) / builds;
const captures = Array.from({ length: builds }, () => captureOne());
const t0 = performance.now();
const ct0 = cpuUs();
for (const c of captures) build(c);
const perBuildUs = ((performance.now() - t0) * 1000) / builds;
const perBuildCpuUs = (cpuUs() - ct0) / builds;
let allocated = Number.NaN;
if (gc !== undefined) {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c = captureOne();
    gc();
    const before = process.memoryUsage().heapUsed;
    build(c);
    samples.push(process.memoryUsage().heapUsed - before);
  }
  samples.sort((a, b) => a - b);
  allocated = samples[10] ?? Number.NaN;
}
console.log(
  `capture of ${events} × ${chunkBytes} B events (body and SSE, ${maxDeferred === 0 ? 'scanned live' : 'scanned at the end'}): ${perCaptureUs.toFixed(0)} µs mean over ${builds} (CPU ${perCaptureCpuUs.toFixed(0)} µs); build: ${perBuildUs.toFixed(0)} µs mean (CPU ${perBuildCpuUs.toFixed(0)} µs); heap allocated per build ${(allocated / 1024).toFixed(0)} KB (median of 20${gc === undefined ? '; run with --expose-gc' : ''})`,
);
