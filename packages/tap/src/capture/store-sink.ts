import { type Exchange, UnderstudyError } from '@understudy/core';
import type { WriterItem } from '@understudy/store';
import type { CaptureSink } from './capture-sink.js';

/**
 * A sink over the store's exchange repository (one transaction per batch). The store stays
 * owned by whoever opened it: closing the sink does not close the store. With `captureRun`,
 * each batch also counts its rows into that run (`capture_runs.stored`). It has no `buildWith`,
 * so the tap builds every exchange it gets.
 */
export function storeSink(
  store: { exchanges: { insertMany(b: readonly Exchange[], captureRun?: string): Promise<void> } },
  captureRun?: string,
): CaptureSink {
  return { write: (batch) => store.exchanges.insertMany(batch.map(builtOnly), captureRun) };
}

function builtOnly(item: WriterItem): Exchange {
  if ('unbuilt' in item) throw new UnderstudyError('internal', 'storeSink was handed an unbuilt exchange; it builds none');
  return item;
}
