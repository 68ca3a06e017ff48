import type { Exchange } from '@understudy/core';
import type { WriterHealth } from '@understudy/store';

/**
 * Where the tap's capture queue sends its batches. The store's exchange repository is one;
 * a worker-thread SQLite writer is another. A rejected write drops the batch (counted), it
 * never reaches a production request.
 */
export interface CaptureSink {
  write(batch: readonly Exchange[]): Promise<void>;
  close?(): Promise<void>;
  /** A sink with a writer process of its own says whether it runs (shown by healthz and the metrics). */
  health?(): WriterHealth;
}
