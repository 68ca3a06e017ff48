/**
 * The body of {@link sqliteWorkerSink}'s worker thread: owns a store connection and inserts
 * the batches posted to it, so better-sqlite3's synchronous inserts (and WAL checkpoints)
 * block this thread instead of the proxy's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '@understudy/core';
import type { WorkerReply, WorkerRequest } from './sqlite-worker-messages.js';
import { openStore } from './store.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-writer-worker must run in a worker thread');
const { url } = workerData as { url: string };
const reply = (m: WorkerReply): void => port.postMessage(m);

try {
  const store = await openStore({ url });
  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'close') {
      void store.close().finally(() => reply({ type: 'closed' }));
      return;
    }
    store.exchanges.insertMany(m.batch as readonly Exchange[]).then(
      () => reply({ type: 'done', id: m.id }),
      (error: unknown) => reply({ type: 'done', id: m.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
