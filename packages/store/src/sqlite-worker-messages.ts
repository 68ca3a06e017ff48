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
 * The capture writer's young generation, per semi-space (a worker thread gets it through
 * `resourceLimits`, a child process through `--max-semi-space-size`). V8's default (up to 16 MB,
 * three of them) only grows the writer's RSS. It was 1 MB until 2026-12-03; but building a long
 * stream's exchange allocates ~300–500 KB (a 200-event stream: its body's text, each event parsed
 * and redacted), so at 1 MB a scavenge ran every other build and each caught one half built,
 * copying and promoting its live objects: 601 scavenges (1.5 s of pauses) for 1 200 builds in a
 * writer thread, against 74 (0.28 s) at 8 MB. CPU for 1 000 such builds (process, helper threads
 * included; three alternating runs, load ~5): 1 MB 1 548–1 800 ms, 4 MB 1 140–1 176, 8 MB 898–986.
 * Short requests gain too (bench:tap, 02:43 UTC, load 4.3: tap CPU 202 µs per request at 1 MB,
 * 179 at 4 MB, 176 at 8 MB; peak RSS of the variants' rounds 171–173 MB).
 */
export const writerSemiSpaceMb = 8;

/** What the tap passes a writer when it starts it. */
export interface WriterData {
  /** A SQLite file path. */
  readonly url: string;
  /** The capture run whose `stored` count each batch adds to. */
  readonly captureRun: string | undefined;
  /** How many nice steps the writer runs below the proxy, 0-19 (how far it yields the CPU to it): see `lowerWriterPriority`. */
  readonly niceness: number;
  /** The redaction key the versions' header values are sealed under (see `OpenStoreOptions.redactionKey`). */
  readonly redactionKey?: string;
}
