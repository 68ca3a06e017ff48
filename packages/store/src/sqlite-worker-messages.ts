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

/** What the tap passes a writer when it starts it. */
export interface WriterData {
  /** A SQLite file path. */
  readonly url: string;
  /** The capture run whose `stored` count each batch adds to. */
  readonly captureRun: string | undefined;
}
