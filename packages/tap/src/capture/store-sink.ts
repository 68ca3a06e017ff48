import type { Exchange } from '@understudy/core';
import type { CaptureSink } from './capture-sink.js';

/**
 * A sink over the store's exchange repository (one transaction per batch). The store stays
 * owned by whoever opened it: closing the sink does not close the store.
 */
export function storeSink(store: { exchanges: { insertMany(b: readonly Exchange[]): Promise<void> } }): CaptureSink {
  return { write: (batch) => store.exchanges.insertMany(batch) };
}
