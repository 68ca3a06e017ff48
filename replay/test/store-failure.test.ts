import type { Store } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, listen, recordTraffic, tempStore } from './support.js';

describe('a replay whose store fails mid-run', () => {
  it('stops every worker and records the run as aborted with the error', async () => {
    const total = 150;
    const { store } = await tempStore();
    const production = await demoAgent('good', 5);
    await store.exchanges.insertMany(await recordTraffic(production.url, total));
    await production.close();
    let received = 0;
    const candidate = await listen(async () => {
      received++;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return Response.json({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' } }] });
    });
    // The real store, except that committing results fails (a full disk, a lost connection).
    const replays = new Proxy(store.replays, {
      get(target, name) {
        if (name === 'commitResults') return () => Promise.reject(new Error('disk full'));
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing: Store = { ...store, replays };
    const replayer = createReplayer({ store: failing });
    try {
      const run = await replayer.create({ target: candidate.url, concurrency: 4 });
      const outcome = await replayer.run(run.id);
      expect(outcome.run.status).toBe('aborted');
      expect(outcome.run.errorMessage).toContain('disk full');
      expect(await store.replays.getRun(run.id)).toMatchObject({ status: 'aborted', errorMessage: outcome.run.errorMessage });
      // The workers stopped at the failure instead of sending the rest of the selection.
      const sent = received;
      expect(sent).toBeLessThan(total);
      // Nothing still runs behind the outcome: a fresh request is the candidate's next one.
      await fetch(candidate.url);
      expect(received).toBe(sent + 1);
    } finally {
      await replayer.close();
      await candidate.close();
      await store.close();
    }
  });
});
