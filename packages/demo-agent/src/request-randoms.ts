import { createHash } from 'node:crypto';
import { type Random, seededRandom } from '@understudy/core';

/** Requests remembered for their repeat count; past it the count starts again (bounded memory). */
const maxRemembered = 50_000;

/**
 * A seeded source of draws for each request: the stream for a request is derived from the seed,
 * the request (its key: body and session) and how many times this agent has seen that request
 * before. So a seeded agent answers each request the same whatever order concurrent requests
 * arrive in — one shared stream handed its draws out by arrival — while a repeat of a request
 * (a live shadow, a replay, a noise baseline) is a fresh draw, as a model's answer would be.
 */
export function requestRandoms(seed: number): (key: string) => Random {
  const seen = new Map<string, number>();
  return (key) => {
    if (seen.size >= maxRemembered) seen.clear();
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const digest = createHash('sha256').update(`${seed}\n${occurrence}\n${key}`).digest();
    return seededRandom(digest.readUInt32BE(0));
  };
}
