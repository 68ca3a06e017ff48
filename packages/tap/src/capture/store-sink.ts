import type { Exchange } from '@understudy/core';
import type { CaptureSink } from './capture-sink.js';

/**
 * A sink over the store's exchange repository (one transaction per batch). The store stays
 * owned by whoever opened it: closing the sink does not close the store. With `captureRun`,
 * each batch also counts its rows into that run (`capture_runs.stored`).
 */
export function storeSink(
  store: { exchanges: { insertMany(b: readonly Exchange[], captureRun?: string): Promise<void> } },
  captureRun?: string,
): CaptureSink {
  return { write: (batch) => store.exchanges.insertMany(batch, captureRun) };
}
