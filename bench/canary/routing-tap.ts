/**
 * One remote tap for bench:canary's routing propagation: its own process, its own store (pool,
 * and on PostgreSQL its own LISTEN connection) and routing watcher. It reports each revision it
 * applies to the parent at once over IPC, and exits when the parent goes away.
 */
import { silentLogger, systemClock } from '@understudy/core';
import { openStore } from '@understudy/store';
import { createRoutingWatcher } from '@understudy/tap';
import { argValue } from '../tap/child-ipc.js';

/** What a routing tap tells the benchmark. */
export type RoutingTapMessage = { readonly type: 'ready' } | { readonly type: 'applied'; readonly revision: number };

const store = await openStore({ url: argValue('url'), migrate: false });
const watcher = createRoutingWatcher({
  source: store,
  route: argValue('route', 'stable'),
  clock: systemClock,
  logger: silentLogger,
  pollMs: Number(argValue('poll-ms', '250')),
});
await watcher.start();
const send = (message: RoutingTapMessage) => process.send?.(message);
// Every millisecond: the watcher applies a change between two looks, so this adds ≤ ~1 ms.
let reported = watcher.current()?.revision ?? 0;
const look = systemClock.setInterval(() => {
  const revision = watcher.current()?.revision ?? 0;
  if (revision === reported) return;
  reported = revision;
  send({ type: 'applied', revision });
}, 1);
// On PostgreSQL, ready once the LISTEN connection is up (a push before it would be missed).
for (let i = 0; i < 1000 && store.kind === 'postgres' && !store.routingChanges.pushed(); i++)
  await new Promise((resolve) => systemClock.setTimeout(() => resolve(undefined), 10));
send({ type: 'ready' });
process.once('disconnect', () => {
  look.cancel();
  watcher.stop();
  void store.close().finally(() => process.exit(0));
});
