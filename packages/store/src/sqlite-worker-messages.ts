import type { Exchange } from '@understudy/core';

/** The reads a tap's routing watcher makes, answered by a writer process that owns the store. */
export type StoreRead = { op: 'routing_stamp'; route: string } | { op: 'routing_get'; route: string } | { op: 'version_get'; name: string };

/** Tap → writer (a worker thread or a child process). */
export type WorkerRequest =
  | { type: 'write'; id: number; batch: readonly Exchange[] }
  | { type: 'read'; id: number; read: StoreRead }
  | { type: 'close' };

/** Writer → tap. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'done'; id: number; error?: string }
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
}
