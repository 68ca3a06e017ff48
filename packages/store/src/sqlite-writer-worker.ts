/**
 * The body of the tap's SQLite writer: owns a store connection, inserts the batches posted to
 * it and answers the routing watcher's reads. It runs as a worker thread ({@link sqliteWorkerSink},
 * better-sqlite3's synchronous inserts and WAL checkpoints then block this thread instead of the
 * proxy's event loop) or as a child process ({@link sqliteWriterProcess}: a SIGBUS from the
 * shared-memory file then kills this process only).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '@understudy/core';
import { lowerWriterPriority } from './lower-writer-priority.js';
import { packedItems } from './packed-items.js';
import { watchSqliteFile } from './sqlite-file-watch.js';
import type {
  PackedItems,
  StoreRead,
  WorkerReply,
  WorkerRequest,
  WriterBuilder,
  WriterData,
  WriterItem,
} from './sqlite-worker-messages.js';
import { openStore, type Store } from './store.js';

interface Transport {
  readonly data: WriterData;
  /** `transfer`: buffers moved to the owner with the message (a thread's; a child process's are copied, so none are sent). */
  send(m: WorkerReply, transfer?: ArrayBuffer[]): void;
  /** True for a thread: a batch buffer handed back moves, for the next batch. */
  readonly handsBack: boolean;
  onMessage(handle: (m: WorkerRequest) => void): void;
  /** After `closed`: a child process exits; a thread is terminated by its owner. */
  done(): void;
}

function transport(): Transport {
  const port = parentPort;
  if (port !== null)
    return {
      data: workerData as WriterData,
      send: (m, transfer) => port.postMessage(m, transfer),
      handsBack: true,
      onMessage: (handle) => port.on('message', handle),
      done: () => {},
    };
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('sqlite-writer-worker must run in a worker thread or a forked child process');
  // The tap went away (killed): nothing will ask for a write again.
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C in a terminal signals the whole foreground process group, and a service manager's stop
  // often the whole control group: the tap's shutdown flushes its queue through this process and
  // then closes it, so the signal is the tap's to act on. Were this process to die of it first,
  // every capture still queued would be dropped. It still ends when the tap disconnects or dies.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});
  return {
    data: JSON.parse(process.env.UNDERSTUDY_WRITER ?? '{}') as WriterData,
    send: (m) => void send(m),
    handsBack: false,
    onMessage: (handle) => process.on('message', (m) => handle(m as WorkerRequest)),
    done: () => process.disconnect(),
  };
}

const channel = transport();
const { url, captureRun, redactionKey } = channel.data;
const storeOptions = { url, ...(redactionKey === undefined ? {} : { redactionKey }) };
// First, before the store opens: every build and insert after it runs at the writer's priority.
lowerWriterPriority(channel.data.niceness ?? 0);
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
  store = await openStore(storeOptions);
  file.remember();
  return store;
}

function read(s: Store, r: StoreRead): Promise<unknown> {
  if (r.op === 'routing_stamp') return s.routing.stamp(r.route);
  if (r.op === 'routing_get') return s.routing.get(r.route);
  return s.versions.get(r.name);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Builds an unbuilt item; set by the tap's `builder` message, which comes before any write. */
let build: ((unbuilt: unknown) => Exchange) | undefined;
let builderFailure: string | undefined;

async function useBuilder(builder: WriterBuilder): Promise<void> {
  try {
    const module = (await import(builder.module)) as { createWriterBuilder(options: unknown): (unbuilt: unknown) => Exchange };
    build = module.createWriterBuilder(builder.options);
    builderFailure = undefined;
  } catch (error) {
    build = undefined;
    builderFailure = `the exchange builder did not load (${errorName(error)})`;
  }
}

/** A failure's name or code: its message may quote the captured text it failed on. */
function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}

/** Build failures of one batch, counted as its exchanges are built. */
interface BuildTally {
  buildFailures: number;
  buildFailure?: string;
}

/**
 * The batch's exchanges, each built (when unbuilt) as the insert asks for it, so the writer
 * holds one built exchange at a time rather than the whole batch of them; one that fails to
 * build is left out and counted in `tally`.
 */
function* builtEach(batch: readonly WriterItem[], packed: PackedItems | undefined, tally: BuildTally): Generator<Exchange> {
  for (const item of batch) {
    if (!('unbuilt' in item)) {
      yield item;
      continue;
    }
    const exchange = builtOne(item.unbuilt, tally);
    if (exchange !== undefined) yield exchange;
  }
  if (packed === undefined) return;
  for (const unbuilt of packedItems(packed)) {
    const exchange = builtOne(unbuilt, tally);
    if (exchange !== undefined) yield exchange;
  }
}

/** One unbuilt item built, or undefined (counted in `tally`) when it fails to build. */
function builtOne(unbuilt: unknown, tally: BuildTally): Exchange | undefined {
  try {
    if (build === undefined) throw new Error(builderFailure ?? 'no exchange builder was given to the capture writer');
    return build(unbuilt);
  } catch (error) {
    tally.buildFailures++;
    tally.buildFailure ??= build === undefined ? (builderFailure ?? 'no exchange builder') : errorName(error);
    return undefined;
  }
}

try {
  store = await openStore(storeOptions);
  file.remember();
  let queue = Promise.resolve();
  channel.onMessage((m) => {
    if (m.type === 'close') {
      void queue
        .then(() => store?.close())
        .finally(() => {
          channel.send({ type: 'closed' });
          channel.done();
        });
      return;
    }
    // One request at a time: a reopen must not race a write, nor a write its builder.
    if (m.type === 'builder') {
      queue = queue.then(() => useBuilder(m.builder));
      return;
    }
    if (m.type === 'read') {
      queue = queue.then(() =>
        current()
          .then((s) => read(s, m.read))
          .then(
            (value) => channel.send({ type: 'answer', id: m.id, value }),
            (error: unknown) => channel.send({ type: 'answer', id: m.id, error: message(error) }),
          ),
      );
      return;
    }
    queue = queue.then(() => {
      const outcome: BuildTally = { buildFailures: 0 };
      // After the insert, the batch's buffer goes back to the sink for a later batch (see BatchBuffers):
      // transferred, so nothing here can read it again.
      const spare = channel.handsBack ? m.packed?.bytes : undefined;
      const done = (reply: WorkerReply & { type: 'done' }): void =>
        spare === undefined ? channel.send(reply) : channel.send({ ...reply, spare }, [spare]);
      return current()
        .then((s) => s.exchanges.insertMany(builtEach(m.batch, m.packed, outcome), captureRun))
        .then(
          () => done({ type: 'done', id: m.id, ...outcome }),
          (error: unknown) => done({ type: 'done', id: m.id, error: message(error) }),
        );
    });
  });
  channel.send({ type: 'ready' });
} catch (error) {
  channel.send({ type: 'failed', error: message(error) });
  // A child process then exits, so its owner starts another after its delay (the store may be back).
  channel.done();
}
