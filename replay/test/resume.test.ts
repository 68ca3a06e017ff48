import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ManualClock, systemClock } from '@understudy/core';
import { openStore, replayStaleAfterMs } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, listen, recordTraffic, tempStore } from './support.js';

const script = fileURLToPath(new URL('./fixtures/run-replay.ts', import.meta.url));

describe('a replay killed with SIGKILL and resumed', () => {
  it('has every item exactly once and never re-sends a committed one', async () => {
    const total = 200;
    const { store, file } = await tempStore();
    const production = await demoAgent('good', 5);
    await store.exchanges.insertMany(await recordTraffic(production.url, total));
    await production.close();

    // A candidate that takes a little while per request and counts what it received.
    const received = new Map<string, number>();
    const candidate = await listen(async (req) => {
      const seq = req.headers.get('x-request-seq') ?? '?';
      received.set(seq, (received.get(seq) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Response.json({
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      });
    });
    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: candidate.url, concurrency: 4 });

    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script, file, run.id], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 15_000;
    let doneBeforeKill = 0;
    while (Date.now() < deadline) {
      doneBeforeKill = (await store.replays.getRun(run.id))?.done ?? 0;
      if (doneBeforeKill >= 40) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect(doneBeforeKill).toBeGreaterThanOrEqual(40);
    expect(doneBeforeKill).toBeLessThan(total);

    // What survived the kill: the committed items. Everything else must be (re-)sent.
    const committed = await store.replays.listResults(run.id, { limit: 1000 });
    const committedSeqs = committed.items.map((r) => r.seq);
    const sentBeforeResume = new Map(received);
    expect((await store.replays.getRun(run.id))?.status).toBe('running');
    // Its process is gone: once the heartbeat is older than the stale window, the run reads interrupted.
    const later = await openStore({ url: file, clock: new ManualClock(systemClock.now() + replayStaleAfterMs + 1) });
    expect((await later.replays.getRun(run.id))?.status).toBe('interrupted');
    await later.close();

    const outcome = await replayer.run(run.id);
    expect(outcome.run.status).toBe('completed');
    expect(outcome.summary.done).toBe(total);

    const results = await store.replays.listResults(run.id, { limit: 1000 });
    expect(results.items.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(new Set(results.items.map((r) => r.exchangeId)).size).toBe(total);
    expect(await store.scan.count({ role: 'replay' })).toBe(total);
    for (const seq of committedSeqs) expect(received.get(String(seq))).toBe(1);
    for (let i = 0; i < total; i++) expect(received.get(String(i)) ?? 0).toBeGreaterThanOrEqual(1);
    // Only items in flight or in an unflushed batch at the kill are sent twice.
    const resent = [...received.entries()].filter(([seq, n]) => n > 1 && (sentBeforeResume.get(seq) ?? 0) > 0).length;
    expect(resent).toBeLessThanOrEqual(4 + 64);

    await replayer.close();
    await candidate.close();
    await store.close();
    // A fresh process sees the same, complete run.
    const again = await openStore({ url: file });
    expect((await again.replays.getRun(run.id))?.done).toBe(total);
    await again.close();
  }, 60_000);
});
