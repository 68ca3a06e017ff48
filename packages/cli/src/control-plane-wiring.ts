import type { Clock, Config, Logger } from '@understudy/core';
import type { Replayer } from '@understudy/replay';
import { createApp } from '@understudy/server';
import type { Store } from '@understudy/store';
import type { Registry } from 'prom-client';
import type { AdminAccess } from './admin-token.js';
import type { CompareWiring } from './compare-wiring.js';
import { type Listening, listen } from './listen.js';
import { recordDepsFor } from './record-deps.js';
import { configuredReplayer } from './replayer-wiring.js';
import { drainMs } from './run-tap.js';
import type { ShutdownStack } from './shutdown-stack.js';

/**
 * The control plane of a process (`understudy control`, `understudy start`): the API and dashboard
 * over `store`, with the replayer its replays run on (recording as the tap does, comparing as the
 * config says), served on `config.control.port`. `stack` closes them in turn: the server (draining),
 * the runs in progress, the replayer.
 */
export async function runControlPlane(deps: {
  readonly config: Config;
  readonly dataDir: string;
  readonly store: Store;
  readonly compare: CompareWiring;
  readonly access: AdminAccess;
  readonly registry: Registry;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly stack: ShutdownStack;
}): Promise<{ readonly listening: Listening; readonly replayer: Replayer }> {
  const { config, store, access, clock, stack } = deps;
  const logger = deps.logger.child({ role: 'control' });
  const record = recordDepsFor(config, deps.dataDir);
  const replayer = configuredReplayer({ store, record, compare: deps.compare, clock, logger });
  stack.defer('close replayer', () => replayer.close());
  const app = createApp({
    store,
    tokens: access.tokens,
    ...(access.token === undefined ? {} : { adminToken: access.token }),
    registry: deps.registry,
    redactor: record.redactor,
    replayer,
    clock,
    logger,
  });
  stack.defer('stop replay runs', () => app.close());
  const listening = await listen(app, { name: 'control plane', host: access.host, port: config.control.port, clock });
  stack.defer('stop control server', () => listening.close(drainMs));
  return { listening, replayer };
}
