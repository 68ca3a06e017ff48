import type { Exchange } from '@understudy/core';

/** The reads a tap's routing watcher makes, answered by a writer process that owns the store. */
export type StoreRead = { op: 'routing_stamp'; route: string } | { op: 'routing_get'; route: string } | { op: 'version_get'; name: string };

/**
 * A module the writer imports to build exchanges itself, off the proxy's thread: it exports
 * `createWriterBuilder(options)`, which returns `(unbuilt) => Exchange`. The store never looks
 * inside `options` or an unbuilt item; the module that made them (the tap) reads them.
 */
export interface WriterBuilder {
  /** An `import()`-able URL. */
  readonly module: string;
  /** Structured-cloneable; sent over the writer's message channel, never through its environment. */
  readonly options: unknown;
}

/** The raw material of one exchange, built by the writer's {@link WriterBuilder}. */
export interface UnbuiltExchange {
  readonly unbuilt: unknown;
}

/** One item of a batch: an exchange, or what the writer builds into one. */
export type WriterItem = Exchange | UnbuiltExchange;

/** How a batch went when it was stored: items the builder failed on are dropped and counted here. */
export interface WriteOutcome {
  /** Items not stored because building them failed. */
  readonly buildFailures: number;
  /** The first failure's error name or code (never its message, which may quote captured text). */
  readonly buildFailure?: string;
}

/**
 * A batch's unbuilt items that are bytes (the tap's packed parts), in one buffer transferred to a
 * writer thread rather than cloned: item i is `bytes[ends[i - 1] ?? 0, ends[i])`, built as a view of it.
 */
export interface PackedItems {
  readonly bytes: ArrayBuffer;
  readonly ends: Uint32Array;
}

/** Tap → writer (a worker thread or a child process). */
export type WorkerRequest =
  | { type: 'builder'; builder: WriterBuilder }
  /** `packed`: more unbuilt items of the batch (a writer thread's; see {@link PackedItems}). */
  | { type: 'write'; id: number; batch: readonly WriterItem[]; packed?: PackedItems }
  | { type: 'read'; id: number; read: StoreRead }
  | { type: 'close' };

/** Writer → tap. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  /** `spare`: a writer thread's batch buffer (`PackedItems.bytes`), handed back transferred once the batch is stored. */
  | { type: 'done'; id: number; error?: string; buildFailures?: number; buildFailure?: string; spare?: ArrayBuffer }
  | { type: 'answer'; id: number; value?: unknown; error?: string }
  | { type: 'closed' };

/**
 * The capture writer's young generation, per semi-space: the writer holds one batch at a time,
 * so V8's default (up to 16 MB per semi-space, three of them) only grows its RSS: measured with
 * bench:tap:profile --shipped, the writer process peaked at 137 MB by default and 106 MB with this,
 * at the same CPU per row. A worker thread gets the same through `resourceLimits`.
 */
export const writerSemiSpaceMb = 1;

/** What the tap passes a writer when it starts it. */
export interface WriterData {
  /** A SQLite file path. */
  readonly url: string;
  /** The capture run whose `stored` count each batch adds to. */
  readonly captureRun: string | undefined;
  /** The writer's nice value, 0-19 (how far it yields the CPU to the proxy): see `lowerWriterPriority`. */
  readonly niceness: number;
  /** The redaction key the versions' header values are sealed under (see `OpenStoreOptions.redactionKey`). */
  readonly redactionKey?: string;
}
