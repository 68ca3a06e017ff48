/**
 * The normal requests of bench:slow-uploads, in a process of their own so that opening a
 * thousand sockets elsewhere cannot stall this client's event loop (the soak's one process did
 * both, and its latencies included its own stalls). Sends a small chat completion at a steady
 * open-loop rate over keep-alive connections until `--until` (epoch ms) and prints, as one JSON
 * line, every request's send time (epoch ms) and latency (ms), and the failures. With `--count`
 * it also opens the slow uploads itself, in this process, as the soak's single client does
 * (`--client one-process`): then its own stalls are in its latencies.
 */
import { holdEventLoop, systemClock } from '@understudy/core';
import { Pool } from 'undici';
import { argValue } from '../tap/child-ipc.js';
import { sleep } from '../tap/sleep.js';
import { openerArgs, openSlowUploads } from './slow-upload-opener.js';

// The waits below are on unref'd clock timers: hold the loop until the report is out.
holdEventLoop();

const target = argValue('target');
const rate = Number(argValue('rate'));
const until = Number(argValue('until'));
// Enough connections that a probe never queues behind another at this rate.
const pool = new Pool(target, { connections: 64, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
const body = JSON.stringify({
  model: 'probe',
  messages: [{ role: 'user', content: 'Where is my order 10042?' }],
});

const sentAt: number[] = [];
const latencyMs: number[] = [];
const failures: Record<string, number> = {};
let inFlight = 0;

async function sendOne(): Promise<void> {
  const at = systemClock.now();
  const t0 = systemClock.monotonic();
  inFlight++;
  try {
    const res = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.body.text();
    if (res.statusCode !== 200) failures[`status ${res.statusCode}`] = (failures[`status ${res.statusCode}`] ?? 0) + 1;
    else {
      sentAt.push(at);
      latencyMs.push(systemClock.monotonic() - t0);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    failures[code] = (failures[code] ?? 0) + 1;
  } finally {
    inFlight--;
  }
}

const opening = process.argv.some((a) => a.startsWith('--count=')) ? openSlowUploads(openerArgs(argValue)) : undefined;
const start = systemClock.monotonic();
let due = 0;
while (systemClock.now() < until) {
  const target = Math.floor(((systemClock.monotonic() - start) / 1000) * rate);
  while (due < target) {
    due++;
    void sendOne();
  }
  await sleep(2);
}
for (let i = 0; i < 300 && inFlight > 0; i++) await sleep(50);
await pool.destroy();
const opener = await opening;
process.stdout.write(`${JSON.stringify({ sentAt, latencyMs, failures, unfinished: inFlight, opener })}\n`);
process.exit(0);
