import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, sqliteWorkerSink } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap } from './tap-harness.js';

let dir: string;
let upstream: LlmUpstream;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-worker-sink-'));
  upstream = await startLlmUpstream();
});

afterAll(async () => {
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the store's sqliteWorkerSink behind a tap", () => {
  it('serves as the tap sink end to end', async () => {
    const file = join(dir, 'tap.db');
    const h = await startTap(upstream.url, { sink: () => sqliteWorkerSink({ url: file }) });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await request(`${h.url}/echo?i=${i}`);
        await res.body.dump();
      }
      await h.tap.flush();
      expect(h.tap.stats()).toMatchObject({ captured: 5, dropped: 0 });
    } finally {
      await h.close();
    }
    const store = await openStore({ url: file });
    try {
      expect(await store.exchanges.count()).toBe(5);
    } finally {
      await store.close();
    }
  });
});
