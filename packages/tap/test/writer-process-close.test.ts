import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BodyCapture, SseCapture } from '@understudy/capture';
import { loadConfig, silentLogger, systemClock } from '@understudy/core';
import { openStore, sqliteWriterProcess } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureQueue } from '../src/capture/capture-queue.js';
import { packParts } from '../src/capture/packed-parts.js';
import { writerBuilder } from '../src/capture/writer-builder.js';
import { streamCapture, streamResult } from './forwarded-capture.js';

const requestBody = Buffer.from('{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"a long story"}]}');

/** A finished 200-event stream's capture, packed as the tap hands it to its writer (built there). */
function streamItem(k: number): { unbuilt: Uint8Array } {
  const request = new BodyCapture(1 << 20);
  request.push(requestBody);
  const response = new BodyCapture(1 << 20);
  const sse = new SseCapture(1 << 20, undefined, response);
  for (let i = 0; i < 200; i++) {
    const chunk = Buffer.from(`data: {"i":${i},"k":${k},"choices":[{"delta":{"content":"${'w'.repeat(150)}"}}]}\n\n`);
    response.push(chunk);
    sse.push(chunk, i * 50 + 0.5);
  }
  sse.end();
  const capture = streamCapture(request, response, sse);
  const result = streamResult(capture, { startedAt: 1_764_000_000_000 + k, durationMs: 10_000 });
  return { unbuilt: packParts(result, capture, `01JD${String(k).padStart(22, '0')}`, 'stable', null) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-writer-close-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the capture queue's close with the writer child process", () => {
  it('stores a backlog of finished streams the writer is still working through at close, dropping none', async () => {
    const file = join(dir, 'backlog.db');
    const store = await openStore({ url: file });
    await store.close();
    const writer = sqliteWriterProcess({ url: file });
    writer.buildWith(writerBuilder(loadConfig().tap, 'writer-close-test-key-0123456789abcdef'));
    // The writer is up and warm before the backlog: close's wait is for batches, not for a start.
    // A batch's time is measured here, not assumed: on a loaded machine (2 shared cores) a fixed
    // 400 ms made the test drop a batch that was merely slow.
    await writer.write([streamItem(0)]);
    const t = performance.now();
    await writer.write(Array.from({ length: 25 }, (_, i) => streamItem(10_000 + i)));
    const batchMs = performance.now() - t;
    // Three times what one batch of ~25 streams takes the writer, far shorter than the whole backlog (~32 batches).
    const closeTimeoutMs = Math.min(10_000, Math.max(400, 3 * batchMs));
    const dropped: string[] = [];
    const queue = new CaptureQueue({
      sink: writer,
      clock: systemClock,
      logger: silentLogger,
      queueSize: 10_000,
      queueMaxBytes: 1 << 30,
      batchSize: 100,
      flushIntervalMs: 60_000,
      closeTimeoutMs,
      // The whole backlog may take longer than the default 20 s on a loaded machine; that cap is not what this tests.
      closeMaxMs: 100_000,
      onDropped: (rows, reason) => dropped.push(`${rows} ${reason}`),
    });
    const streams = 800;
    for (let k = 1; k <= streams; k++) queue.offer(streamItem(k), 48 * 1024);
    const t0 = performance.now();
    await queue.close();
    const closeMs = performance.now() - t0;
    const read = await openStore({ url: file });
    try {
      expect(dropped).toEqual([]);
      expect(queue.stats()).toMatchObject({ captured: streams, dropped: 0, queueDepth: 0 });
      expect(await read.exchanges.count()).toBe(streams + 26);
      // The backlog outlasted one close timeout: a fixed wait would have dropped part of it.
      expect(closeMs).toBeGreaterThan(closeTimeoutMs);
    } finally {
      await read.close();
    }
  }, 120_000);
});
