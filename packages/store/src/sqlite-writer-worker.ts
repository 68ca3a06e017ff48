/**
 * The body of {@link sqliteWorkerSink}'s worker thread: owns a store connection and inserts
 * the batches posted to it, so better-sqlite3's synchronous inserts (and WAL checkpoints)
 * block this thread instead of the proxy's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '@understudy/core';
import { watchSqliteFile } from './sqlite-file-watch.js';
import type { WorkerReply, WorkerRequest } from './sqlite-worker-messages.js';
import { openStore, type Store } from './store.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-writer-worker must run in a worker thread');
const { url, captureRun } = workerData as { url: string; captureRun: string | undefined };
const reply = (m: WorkerReply): void => port.postMessage(m);

let store: Store | undefined;
const file = watchSqliteFile(url);

/**
 * The store to write this batch into. A database file deleted or replaced under an open
 * connection keeps accepting writes into the unlinked inode, which vanish at close: so before
 * each batch the file's identity is checked. Replaced (or recreated in its directory): reopen it.
 * Its directory gone: refuse the batch (the tap counts it dropped) until the directory is back.
 */
async function current(): Promise<Store> {
  const state = file.check();
  if (state === 'same' && store !== undefined) return store;
  if (store !== undefined) {
    const old = store;
    store = undefined;
    await old.close().catch(() => {});
  }
  if (state === 'directory_gone') throw new Error(`the database directory of ${url} is gone`);
  store = await openStore({ url });
  file.remember();
  return store;
}

try {
  store = await openStore({ url });
  file.remember();
  let queue = Promise.resolve();
  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'close') {
      void queue.then(() => store?.close()).finally(() => reply({ type: 'closed' }));
      return;
    }
    // One batch at a time: a reopen must not race a write.
    queue = queue.then(() =>
      current()
        .then((s) => s.exchanges.insertMany(m.batch as readonly Exchange[], captureRun))
        .then(
          () => reply({ type: 'done', id: m.id }),
          (error: unknown) => reply({ type: 'done', id: m.id, error: error instanceof Error ? error.message : String(error) }),
        ),
    );
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
