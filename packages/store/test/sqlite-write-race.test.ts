import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '@understudy/core';
import { openStore, sqliteWorkerSink } from '@understudy/store';
import { testExchange, testReplayResult } from '@understudy/store/testing';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'us-write-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A conversation stored as content nodes, one per message (so a commit first looks up which
 * nodes exist — a read, 500 nodes per query — and then writes): the more messages, the longer
 * that read holds its snapshot before the write.
 */
function exchange(id: string, over: Partial<Exchange> = {}, turns = 1): Exchange {
  const messages = Array.from({ length: turns }, (_, i) => ({
    role: 'user',
    content: `${id} turn ${i} ${'keep it short. '.repeat(20)}`.slice(0, 60),
  }));
  const bytes = new TextEncoder().encode(JSON.stringify({ model: 'm', messages }));
  return testExchange(id, {
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: { bytes, size: bytes.length, truncated: false },
    ...over,
  });
}

describe('SQLite writers on one file', () => {
  // A deferred transaction that reads first takes a snapshot; when another connection holds the
  // write lock or has committed before it writes, SQLite refuses the upgrade at once with
  // SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT ("database is locked"), whatever busy_timeout says. The demo's replay run died of it beside the capture writer.
  it('replay commits never fail while the capture writer thread commits batches', async () => {
    const file = join(dir, 'race.db');
    const store = await openStore({ url: file });
    const sink = sqliteWorkerSink({ url: file });
    try {
      await store.replays.createRun({ id: 'R1', createdAt: 1, spec: {}, target: 'x', baseline: null, planned: 150 });
      let replaying = true;
      let batches = 0;
      // The capture writer commits for as long as the replay commits (bounded in count).
      const capture = (async () => {
        for (; replaying && batches < 5_000; batches++)
          await sink.write(Array.from({ length: 20 }, (_, i) => exchange(`L${batches}-${i}`)));
      })();
      const failures: string[] = [];
      let committed = 0;
      const replay = (async () => {
        for (let i = 0; i < 150; i++) {
          const id = `O${i}`;
          await store.replays
            .commitResults('R1', [testReplayResult(id, i)], [exchange(`C${id}`, { role: 'replay', parentId: id }, 2_000)], 3)
            .then((n) => {
              committed += n;
            })
            .catch((error: unknown) => failures.push(`${(error as { code?: string }).code}: ${String(error)}`));
        }
        replaying = false;
      })();
      await Promise.all([capture, replay]);
      expect(failures.slice(0, 3)).toEqual([]);
      expect(committed).toBe(150);
      expect(batches).toBeGreaterThan(0);
      expect(await store.exchanges.count()).toBe(batches * 20 + 150);
    } finally {
      await sink.close();
      await store.close();
    }
    // Bounded work (150 commits of 2 000 messages beside the writer: ~6 s on an idle machine,
    // 19 s at load 11) that must not be cut short under load: with deferred transactions it
    // caught the refused upgrade 2 times in 150 commits, fewer commits catch it less often.
  }, 60_000);
});
