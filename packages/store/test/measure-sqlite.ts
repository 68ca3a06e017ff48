/**
 * Measures capture throughput into a SQLite file through `store.exchanges.insertMany` with
 * realistic ~2 KB rows, and the event-loop block per batch. Run by hand:
 *   node --conditions=source --import tsx packages/store/test/measure-sqlite.ts [rows] [batch]
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { openStore } from '@understudy/store';

const rows = Number(process.argv[2] ?? 50_000);
const batchSizes = (process.argv[3] ?? '25,100,500').split(',').map(Number);
const enc = new TextEncoder();
const request = enc.encode(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello '.repeat(60) }] }));
const response = enc.encode(
  JSON.stringify({
    id: 'c',
    model: 'gpt-4o-mini',
    choices: [{ message: { content: 'x'.repeat(1200) } }],
    usage: { prompt_tokens: 5, completion_tokens: 7 },
  }),
);

let seq = 0;
function exchange(): Exchange {
  seq++;
  return {
    id: `01J${String(seq).padStart(23, '0')}`,
    startedAt: 1_700_000_000_000 + seq,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json', authorization: '[redacted:authorization:0123456789ab]' },
    requestBody: { bytes: request, size: request.length, truncated: false },
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: { bytes: response, size: response.length, truncated: false },
    streamed: false,
    sseEvents: null,
    ttfbMs: 1.5,
    durationMs: 2.5,
    version: 'stable',
    role: 'live',
    parentId: null,
    usage: { inputTokens: 5, outputTokens: 7, costUsd: 0.00001 },
    error: null,
  };
}

console.log(`row payload ≈ ${request.length + response.length + 150} bytes`);
for (const batch of batchSizes) {
  const file = join(tmpdir(), `measure-sqlite-${process.pid}-${batch}.db`);
  const store = await openStore({ url: file });
  const all = Array.from({ length: rows }, exchange);
  const blocks: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < all.length; i += batch) {
    const t = performance.now();
    await store.exchanges.insertMany(all.slice(i, i + batch));
    blocks.push(performance.now() - t);
  }
  const secs = (performance.now() - t0) / 1000;
  blocks.sort((a, b) => a - b);
  const q = (p: number) => (blocks[Math.min(blocks.length - 1, Math.floor(blocks.length * p))] ?? 0).toFixed(2);
  console.log(`batch ${batch}: ${(rows / secs).toFixed(0)} rows/s; per batch p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
  await store.close();
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
}
