import { UnderstudyError } from '@understudy/core';

/** Wraps a driver failure into a coded error, keeping the cause. */
export function storeError(message: string, cause: unknown): UnderstudyError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new UnderstudyError('store_unavailable', `${message}${detail}`, { cause });
}
