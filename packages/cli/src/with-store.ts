import { openStore, type Store } from '@understudy/store';
import { loadCliConfig } from './cli-config.js';
import type { CliIo } from './cli-io.js';
import { redactionKeyOf } from './secrets.js';

/** Opens the configured store for one short command (`versions`, `canary status`, …) and always closes it. */
export async function withStore<T>(io: CliIo, configFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const { config, dbUrl, dataDir } = loadCliConfig(io, configFlag);
  const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
