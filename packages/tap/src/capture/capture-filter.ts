import type { CaptureConfig, Random } from '@understudy/core';
import { anyGlob } from './glob.js';

/** Decides per request whether it is captured; every request is proxied either way. */
export type CaptureFilter = (method: string, path: string) => boolean;

/**
 * Method and path filters first (`methods`, `paths`, `excludePaths`; empty lists mean all),
 * then the sampling `rate` drawn from the injected random source.
 */
export function captureFilter(config: Pick<CaptureConfig, 'rate' | 'methods' | 'paths' | 'excludePaths'>, random: Random): CaptureFilter {
  const methods = new Set(config.methods.map((m) => m.toUpperCase()));
  const included = config.paths.length === 0 ? () => true : anyGlob(config.paths);
  const excluded = config.excludePaths.length === 0 ? () => false : anyGlob(config.excludePaths);
  const rate = config.rate;
  return (method, path) => {
    if (rate <= 0) return false;
    if (methods.size > 0 && !methods.has(method)) return false;
    if (!included(path) || excluded(path)) return false;
    return rate >= 1 || random.next() < rate;
  };
}
