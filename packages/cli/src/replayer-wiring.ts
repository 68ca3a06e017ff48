import { costUsd, type RecordDeps } from '@understudy/capture';
import type { Clock, Logger } from '@understudy/core';
import { createReplayer, type Replayer } from '@understudy/replay';
import type { Store } from '@understudy/store';
import type { CompareWiring } from './compare-wiring.js';

/**
 * The replayer of a process, the same whoever starts a run (`understudy replay`, `POST
 * /api/replays`, the demo): it records answers as the tap does (`record`: redaction under the
 * tap's key, prices) and compares them as the config says, with the process's second opinions.
 */
export function configuredReplayer(deps: {
  readonly store: Store;
  readonly record: Pick<RecordDeps, 'redactor' | 'prices'>;
  readonly compare: CompareWiring;
  readonly clock?: Clock;
  readonly logger?: Logger;
}): Replayer {
  const { prices } = deps.record;
  return createReplayer({
    store: deps.store,
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    redactor: deps.record.redactor,
    prices,
    price: (model, input, output) => (model === null ? null : costUsd(prices(model), input, output)),
    compareOptions: deps.compare.compareOptions,
    extensions: deps.compare.extensions,
    comparePool: deps.compare.pool,
  });
}
