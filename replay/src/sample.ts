import { stableUnit } from '@understudy/core';

/** Whether `id` is in a sample of share `rate` drawn with `seed`. */
export function inSample(id: string, rate: number, seed: number): boolean {
  return rate >= 1 || stableUnit(id, seed) < rate;
}
