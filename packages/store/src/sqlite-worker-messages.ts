import type { Exchange } from '@understudy/core';

/** Main thread → writer thread. */
export type WorkerRequest = { type: 'write'; id: number; batch: readonly Exchange[] } | { type: 'close' };

/** Writer thread → main thread. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'done'; id: number; error?: string }
  | { type: 'closed' };
