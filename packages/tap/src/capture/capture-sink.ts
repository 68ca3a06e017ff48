import type { WriteOutcome, WriterBuilder, WriterHealth, WriterItem } from '@understudy/store';

/**
 * Where the tap's capture queue sends its batches. The store's exchange repository is one;
 * a worker-thread SQLite writer is another. A rejected write drops the batch (counted), it
 * never reaches a production request.
 */
export interface CaptureSink {
  /**
   * Stores a batch of exchanges, and of unbuilt ones when the sink has `buildWith`; what the
   * writer could not build is dropped and counted in the outcome.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a sink that builds nothing resolves with nothing (any async function).
  write(batch: readonly WriterItem[]): Promise<void | WriteOutcome>;
  /**
   * A sink whose writer can build exchanges itself (a writer thread or process) takes the tap's
   * builder here: the tap then hands it the raw parts of each exchange, and redaction, usage and
   * the header policy run off the proxy's thread.
   */
  buildWith?(builder: WriterBuilder): void;
  close?(): Promise<void>;
  /** A sink with a writer process of its own says whether it runs (shown by healthz and the metrics). */
  health?(): WriterHealth;
}
